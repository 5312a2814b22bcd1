/** The slice of a pino logger the queue adapters use to report what they cannot throw. */
export interface QueueLogger {
  error(details: object, message: string): void;
}

export const consoleQueueLogger: QueueLogger = {
  error: (details, message) => console.error(message, details),
};
