/** The field day's core journeys (fieldDayJourneys.ts) in chromium. */
import { defineFieldDayJourneys, journeyContext } from './fieldDayJourneys';

defineFieldDayJourneys('chromium', journeyContext('chromium'));
