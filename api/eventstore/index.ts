export * from './event-store';
export { newEventId } from './new-event-id';
export { keepSubscribed } from './keep-subscribed';
