/**
 * BullMQ refuses custom job ids that look like integers or contain ":". The port allows any
 * non-empty string, so ids are escaped reversibly on the way in and restored on the way out.
 */
const INTEGER_MARK = '%I';

export function toBullMqJobId(jobId: string): string {
  const escaped = jobId.replace(/[%:]/g, (c) => (c === '%' ? '%25' : '%3A'));
  return `${parseInt(escaped, 10)}` === escaped ? INTEGER_MARK + escaped : escaped;
}

export function fromBullMqJobId(bullMqId: string): string {
  const body = bullMqId.startsWith(INTEGER_MARK) ? bullMqId.slice(INTEGER_MARK.length) : bullMqId;
  return body.replace(/%(25|3A)/g, (_, hex: string) => (hex === '25' ? '%' : ':'));
}
