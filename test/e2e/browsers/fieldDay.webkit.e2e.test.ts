/** The field day's core journeys (fieldDayJourneys.ts) in webkit. */
import { defineFieldDayJourneys, journeyContext } from './fieldDayJourneys';

defineFieldDayJourneys('webkit', journeyContext('webkit'));
