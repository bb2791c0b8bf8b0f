/**
 * Model listings of Sentry's SynchronizedConsumer (docs/real-code.md#synchronized-consumer): the
 * real one, and the SIMPLIFIED what-if of the pause-race write-up's story
 * (docs/real-code.md#external-resume) whose
 * poll resumes every inner-paused partition, including the ones the
 * processor paused. Python-like text written for Arroyo Race Lab, not
 * Sentry's source. The two listings differ only in the resume candidates.
 */
import { defineListing, type Listing } from '../../engine/index.ts';
import type { ScKind } from './synchronized.ts';

export const SC_LISTING_ID = 'synchronized';

const REAL_CANDIDATES = `        # resume what this class held back, once the leader has moved past it
        held = set(self._inner.paused()) - self._paused  #@poll.candidates`;

const WHAT_IF_CANDIDATES = `        # WHAT-IF (not Sentry's code): every inner-paused partition is a
        # candidate, including the ones the processor paused through us
        held = set(self._inner.paused())  #@poll.candidates`;

function source(candidates: string): string {
  return `
class SynchronizedConsumer:
    # Wraps the arroyo consumer. _remote holds the followed group's commits,
    # read from the commit-log topic by a worker thread; _paused is what the
    # user paused through this class (the inner consumer has its own set).

    def poll(self, timeout):
${candidates}
        if held:
            local = self._inner.tell()
            with self._remote_lock:
                for partition in held:
                    if self._remote_offset(partition) > local[partition]:
                        self._inner.resume([partition])
        message = self._inner.poll(timeout)  #@poll.inner
        if message is None or self._ahead_of_leader(message):  #@poll.gate
            return None
        return message

    def _ahead_of_leader(self, message):
        with self._remote_lock:
            remote = self._remote_offset(message.partition)
        if message.offset < remote:
            return False
        # hold it back: pause and rewind the inner consumer, without
        # recording it in _paused (a later poll() resumes it)
        self._inner.pause([message.partition])
        self._inner.seek({message.partition: message.offset})
        return True

    def _remote_offset(self, partition):
        return min(offsets.get(partition, 0) for offsets in self._remote.values())

    def pause(self, partitions):
        self._paused.update(partitions)
        self._inner.pause(partitions)

    def resume(self, partitions):
        # only forget them here: the inner consumer resumes in a later poll()
        self._paused.difference_update(partitions)

    def paused(self):
        return list(self._paused)  # ours, not the inner consumer's

    # subscribe() wraps the user's callbacks with these:
    def _on_assign(self, partitions):
        self._paused.difference_update(partitions)  #@on_assign
        self._user_on_assign(partitions)

    def _on_revoke(self, partitions):
        self._paused.difference_update(partitions)  #@on_revoke
        self._user_on_revoke(partitions)

    def _commit_log_worker(self):  # the "commitlog" thread
        while not self._stopping.is_set():
            # poll(0.1) returns None every 100 ms while the commit log is idle;
            # those turns change nothing, so the model steps only on a record
            record = self._commit_log.poll(0.1)  #@worker.poll
            if record is None:
                continue
            commit = decode_commit(record)
            if commit.group not in self._followed_groups:
                continue
            with self._remote_lock:
                self._remote[commit.group][commit.partition] = commit.offset  #@worker.update
`;
}

export const SC_LISTINGS: Readonly<Record<ScKind, Listing>> = {
  real: defineListing(
    SC_LISTING_ID,
    'sentry/consumers/synchronized.py (model)',
    source(REAL_CANDIDATES),
  ),
  simplified: defineListing(
    SC_LISTING_ID,
    'synchronized.py, SIMPLIFIED what-if (not reachable with the real SynchronizedConsumer)',
    source(WHAT_IF_CANDIDATES),
  ),
};
