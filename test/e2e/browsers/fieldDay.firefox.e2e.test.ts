/** The field day's core journeys (fieldDayJourneys.ts) in firefox. */
import { defineFieldDayJourneys, journeyContext } from './fieldDayJourneys';

defineFieldDayJourneys('firefox', journeyContext('firefox'));
