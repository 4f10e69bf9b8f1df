import { z } from 'zod';
import { EARLIEST_DATE, LATEST_DATE, isRecordableDate } from '@capstan/domain';

/** A calendar date a caller writes or filters by, within the days Capstan records (`isRecordableDate`). */
export const calendarDate = z.iso.date().refine(isRecordableDate, { message: `a date from ${EARLIEST_DATE} to ${LATEST_DATE}` });
