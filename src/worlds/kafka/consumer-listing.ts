/**
 * The model listing of arroyo's KafkaConsumer wrapper (docs/real-code.md#kafka-consumer):
 * Python-like text written for Arroyo Race Lab from the behaviour
 * docs/real-code.md describes, not arroyo's source. Lines a step executes end
 * in `#@anchor`; the steps are in consumer-steps.ts.
 */
import { defineListing } from '../../engine/index.ts';

export const CONSUMER_LISTING_ID = 'kafka-consumer';

export const CONSUMER_LISTING = defineListing(
  CONSUMER_LISTING_ID,
  'arroyo/backends/kafka/consumer.py (model)',
  `
class KafkaConsumer:
    # Wraps a confluent-kafka consumer. _offsets are the working offsets
    # (the next offset to read), _paused the partitions this wrapper paused.

    def poll(self, timeout):
        if self._state is not ConsumerState.CONSUMING:
            raise InvalidState(self._state)  # e.g. poll() from a callback  #@poll.invalid
        # librdkafka first serves queued rebalance callbacks (on this
        # thread), then waits for a fetched message until the deadline.
        message = self._rdkafka.poll(timeout)  #@poll.wait
        if message is not None:
            self._offsets[message.partition] = message.offset + 1
        return message  #@poll.return

    def tell(self):
        return self._offsets  # the live dict: callbacks change what callers see

    def paused(self):
        return list(self._paused)

    def pause(self, partitions):
        self._rdkafka.pause(partitions)
        self._paused.update(partitions)
        # a seek issued before the pause would be ignored, so seek after it;
        # this also drops anything already prefetched
        self._rdkafka.seek({p: self._offsets[p] for p in partitions})

    def resume(self, partitions):
        self._rdkafka.resume(partitions)
        self._paused.difference_update(partitions)

    def seek(self, offsets):
        self._rdkafka.seek(offsets)
        self._offsets.update(offsets)

    # Registered with librdkafka by subscribe(); both run inside poll().
    def _assign_callback(self, partitions):
        self._state = ConsumerState.ASSIGNING  #@assign.begin
        offsets = self._committed(partitions)  # blocking broker lookup
        self._add_assignment(offsets)  # assign (eager) or incremental_assign
        self._offsets.update(offsets)
        self.resume(list(offsets))  # a newly assigned partition never starts paused
        self._user_on_assign(offsets)
        self._state = ConsumerState.CONSUMING  #@assign.done

    def _revoke_callback(self, partitions):
        self._state = ConsumerState.REVOKING  #@revoke.begin
        try:
            self._user_on_revoke(partitions)  # the user's callback runs first
        finally:
            for partition in partitions:  #@revoke.cleanup
                self._offsets.pop(partition, None)
                self._paused.discard(partition)
            self._state = ConsumerState.CONSUMING
`,
);
