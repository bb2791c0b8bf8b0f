/**
 * The StreamProcessor model listings, one per variant (docs/real-code.md#stream-processor,
 * #correct-fix and the pause-race incident write-up), built from shared fragments so that two variants
 * differ only where their implementations differ: the paused branch of the
 * MessageRejected handler, and (for `correct`) the strategy close and a
 * reconcile helper. Python-like text written for Arroyo Race Lab from the
 * behaviour docs/real-code.md describes; not arroyo's source. Metrics and the DLQ
 * buffer's bookkeeping are left out. The InvalidMessage handler is in every
 * variant with the resume arroyo added in c8bdbb9 (2.20.9); the listings
 * "before c8bdbb9" leave that resume out, for the releases before it.
 */
import { defineListing, type Listing } from '../../engine/index.ts';
import type { VariantId } from '../variants.ts';

export const PROCESSOR_LISTING_IDS: Readonly<Record<VariantId, string>> = {
  buggy: 'processor-buggy',
  'seed-fix': 'processor-seed-fix',
  upstream: 'processor-upstream',
  correct: 'processor-correct',
};

const TITLES: Readonly<Record<VariantId, string>> = {
  buggy: 'arroyo/processing/processor.py (model of V2, with the V1c pre-check)',
  'seed-fix': "arroyo/processing/processor.py (model, with the bug report's fix)",
  upstream: 'arroyo/processing/processor.py (model of V4 / HEAD)',
  correct: 'arroyo/processing/processor.py (model, with a correct fix)',
};

const HEAD = `
# A model written for Arroyo Race Lab from docs/real-code.md; not arroyo's
# source. Metrics and the DLQ buffer's bookkeeping are left out.
BACKPRESSURE_THRESHOLD = 5.0  # seconds

class StreamProcessor:
    def run(self):
        while True:
            self._run_once()  #@run.loop

    def _run_once(self):
        carried = self._message is not None  #@run.carried
        if not carried:
            self._message = self._consumer.poll(timeout=1.0)  #@run.poll
        if self._strategy is None:
            return
        self._strategy.poll()  #@run.strategy_poll
        if self._message is None:
            return
        try:
            self._strategy.submit(self._message)  #@run.submit
        except MessageRejected:  #@bp.dispatch
            if self._backpressure_since is None:
                self._backpressure_since = time.time()  #@bp.start
            elif not self._paused and time.time() - self._backpressure_since > BACKPRESSURE_THRESHOLD:
                self._consumer.pause([*self._consumer.tell()])  #@bp.pause
                self._paused = True`;

const PAUSED: Readonly<Record<VariantId, string>> = {
  buggy: `
            elif self._paused:
                # V1c pre-check: has anything started running again?
                held = set(self._consumer.paused())  #@paused.precheck
                running = set(self._consumer.tell()) - held
                if running:
                    self._paused = False  #@paused.precheck.resume
                    self._consumer.resume([*held])
                else:
                    polled = self._consumer.poll(timeout=0.1)  #@paused.poll
                    assert polled is None  #@paused.assert
            else:
                time.sleep(0.01)  #@bp.sleep`,
  'seed-fix': `
            else:
                # the bug report's fix: decide from the consumer's paused(), not the flag.
                # (The report also asks strategy.ready_to_continue(), which
                # arroyo does not have; submit() has just said no.)
                held = [*self._consumer.paused()]  #@seed.check
                if held:
                    polled = self._consumer.poll(timeout=0.1)  #@paused.poll
                    if polled is not None:
                        self._paused = False  #@seed.keep
                        self._message = polled  # replaces any carried message
                else:
                    if self._paused:
                        self._paused = False
                    time.sleep(0.01)  #@bp.sleep`,
  upstream: `
            elif self._paused:
                polled = self._consumer.poll(timeout=0.1)  #@paused.poll
                if polled is not None:
                    # a rebalance inside the poll must have reset both;
                    # polled itself is then dropped: not stored, not submitted
                    assert not self._paused, "consumer unpaused itself without rebalancing"  #@paused.assert_flag
                    assert self._message is None, "consumer unpaused itself without rebalancing"  #@paused.assert_message
            else:
                time.sleep(0.01)  #@bp.sleep`,
  correct: `
            elif self._paused:
                polled = self._consumer.poll(timeout=0.1)  #@paused.poll
                if polled is not None:
                    if self._message is None:
                        # a rebalance inside the poll dropped our message and
                        # reset the flag: keep what the poll returned
                        self._message = polled  #@fix.keep
                        self._dlq_buffer.append(polled)
                    else:
                        # no rebalance: never overwrite the carried message;
                        # give polled back and hold its partition again
                        self._consumer.seek({polled.partition: polled.offset})  #@fix.give_back
                        self._consumer.pause([polled.partition])
                self._reconcile_pause()  #@fix.reconcile
            else:
                time.sleep(0.01)  #@bp.sleep`,
};

/** The InvalidMessage handler; `resumes` is arroyo c8bdbb9 (2.20.9) and later. */
function invalidHandler(resumes: boolean): string {
  const head = `
        except InvalidMessage as e:
            # drops _message if e names its partition and offset
            self._handle_invalid_message(e)  #@inv.handle`;
  return resumes
    ? head +
        `
            if self._paused:  # added in 2.20.9 (c8bdbb9)
                self._consumer.resume([*self._consumer.tell()])  #@inv.resume
                self._paused = False`
    : head +
        `
            # before 2.20.9 nothing here resumes a paused consumer`;
}

const SUCCESS = `
        else:
            if self._paused:  #@ok.check
                self._consumer.resume([*self._consumer.tell()])  #@ok.resume
                self._paused = False
            self._backpressure_since = None
            self._message = None  #@ok.done`;

const RECONCILE = `

    def _reconcile_pause(self):
        # callbacks may have run inside the poll: make flag and consumer agree
        held = set(self._consumer.paused()) & set(self._consumer.tell())
        if self._paused:
            self._consumer.pause([*(set(self._consumer.tell()) - held)])
        elif held:
            self._consumer.resume([*held])`;

const CALLBACKS = `

    # subscribe(on_assign=..., on_revoke=...) registers these two
    def _on_assign(self, partitions):
        current = self._consumer.tell()  # already includes the new partitions
        self._close_strategy()  #@cb.assign
        self._strategy = self._factory.create(current)  #@cb.assign.create

    def _on_revoke(self, partitions):
        self._close_strategy()  #@cb.revoke
        remaining = set(self._consumer.tell()) - set(partitions)  # tell() still has them
        if remaining:
            self._strategy = self._factory.create(remaining)  #@cb.revoke.rest

    def _close_strategy(self):
        if self._strategy is None:  #@close.check
            return  # leaves _message, _paused and the backpressure alone
        self._strategy.close()
        self._strategy.join()  #@close.join`;

const GIVE_BACK = `
        carried = self._message
        if carried is not None and carried.partition in self._consumer.tell():
            # its partition is still ours here: rewind it so the carried
            # message is read again instead of being skipped
            self._consumer.seek({carried.partition: carried.offset})  #@close.give_back`;

const RESET = `
        self._strategy = None
        self._message = None  #@close.reset
        self._paused = False
        self._backpressure_since = None`;

export function processorSource(variant: VariantId, resumeOnInvalid = true): string {
  const fix = variant === 'correct';
  return (
    HEAD +
    PAUSED[variant] +
    invalidHandler(resumeOnInvalid) +
    SUCCESS +
    (fix ? RECONCILE : '') +
    CALLBACKS +
    (fix ? GIVE_BACK : '') +
    RESET +
    '\n'
  );
}

export const PROCESSOR_LISTINGS: Readonly<Record<VariantId, Listing>> = {
  buggy: defineListing(PROCESSOR_LISTING_IDS.buggy, TITLES.buggy, processorSource('buggy')),
  'seed-fix': defineListing(
    PROCESSOR_LISTING_IDS['seed-fix'],
    TITLES['seed-fix'],
    processorSource('seed-fix'),
  ),
  upstream: defineListing(
    PROCESSOR_LISTING_IDS.upstream,
    TITLES.upstream,
    processorSource('upstream'),
  ),
  correct: defineListing(PROCESSOR_LISTING_IDS.correct, TITLES.correct, processorSource('correct')),
};

/** The same listings as the code was before arroyo c8bdbb9 (2.20.9): InvalidMessage does not resume. */
const BEFORE_C8BDBB9: Readonly<Record<VariantId, Listing>> = {
  buggy: before('buggy'),
  'seed-fix': before('seed-fix'),
  upstream: before('upstream'),
  correct: before('correct'),
};

function before(variant: VariantId): Listing {
  return defineListing(
    PROCESSOR_LISTING_IDS[variant],
    `${TITLES[variant]}, before c8bdbb9 (2.20.9)`,
    processorSource(variant, false),
  );
}

/** The listing a program shows: the same id either way, so anchors and links stay valid. */
export function processorListing(variant: VariantId, resumeOnInvalid: boolean): Listing {
  return resumeOnInvalid ? PROCESSOR_LISTINGS[variant] : BEFORE_C8BDBB9[variant];
}
