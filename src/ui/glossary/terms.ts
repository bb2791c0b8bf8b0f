/**
 * The glossary's terms: one name per idea, in plain words. The same terms, with the same
 * wording, are in docs/glossary.md (glossary.test.ts keeps the two in step), so the words
 * on screen and in the repository's docs never drift apart. A definition is a list of
 * paragraphs; text between backticks is code. `related` names other terms by id.
 */

export interface GlossaryTerm {
  /** The anchor: `#/glossary?term=<id>` on the page, `docs/glossary.md#<id>` in the docs. */
  readonly id: string;
  readonly term: string;
  readonly definition: readonly string[];
  readonly related: readonly string[];
}

export const GLOSSARY_TERMS: readonly GlossaryTerm[] = [
  {
    id: 'actor',
    term: 'Actor',
    definition: [
      "One of the things that can take a step in a scenario: a modelled Python thread (`main`, the processor; `commitlog`, the SynchronizedConsumer's worker; `stuck`, the stuck detector) or a source of outside events (`coordinator`, the group coordinator; `producer`, members joining and leaving and the followed group committing; `strategy`, the downstream getting room again).",
    ],
    related: ['step', 'outside-event'],
  },
  {
    id: 'variant',
    term: 'Variant',
    definition: [
      'One implementation of the code under test. Every scenario runs in four variants, and the lab can show any two side by side: `buggy`, `seed-fix`, `upstream` and `correct`. The word is the same in the code, in links (`v=`) and on screen.',
    ],
    related: ['buggy', 'seed-fix', 'upstream', 'correct'],
  },
  {
    id: 'buggy',
    term: 'buggy',
    definition: [
      'The code as arroyo shipped it when the crash happened: for the pause race, the paused branch that asserts its poll returned nothing (releases 2.19.8 to 2.32.5, where a flag to avoid it arrived switched off); for the metrics race, the stuck detector that increments and flushes the shared MetricsBuffer from its own thread (2.34.0 to 2.37.0).',
    ],
    related: ['variant', 'upstream'],
  },
  {
    id: 'seed-fix',
    term: 'seed-fix',
    definition: [
      "The first incident write-up's fix: the fix proposed in the write-up that first described the race. For the pause race, decide from the consumer's `paused()` rather than the flag, and keep a message polled while paused; for the metrics race, copy each dict with `list(d.items())`, clear, then send the copy. Neither was released, and both still fail in some schedules.",
    ],
    related: ['variant', 'incident-write-ups'],
  },
  {
    id: 'upstream',
    term: 'upstream',
    definition: [
      "arroyo's own fix, as released: for the pause race, the paused branch asserts on the processor's state and drops a polled message (2.33.0 on); for the metrics race, the stuck detector counts through the metrics backend and never touches the buffer (2.37.1 on).",
    ],
    related: ['variant', 'buggy'],
  },
  {
    id: 'correct',
    term: 'correct',
    definition: [
      'A fix written for this lab that no explored schedule breaks: for the pause race, keep a polled message without overwriting a carried one, rewind and reconcile the paused partitions; for the metrics race, one lock around every increment and the whole flush.',
    ],
    related: ['variant'],
  },
  {
    id: 'switch-mode',
    term: 'Switch mode',
    definition: [
      'Where the modelled Python interpreter may switch from one thread to another: `py311` (the default), `py39` or `free-threaded`. It matters for the metrics race, where a switch inside `d[k] += v` or inside `list(d.items())` changes what can happen. In links it is the `gil=` field.',
    ],
    related: ['py311', 'py39', 'free-threaded', 'preemption'],
  },
  {
    id: 'py311',
    term: 'py311',
    definition: [
      'CPython 3.11 and later, with the GIL: a thread can be switched out only at a call, at the end of a loop iteration, or while it blocks (sleeping, waiting for I/O or a lock). `d[k] += v` runs in one piece. The default.',
    ],
    related: ['switch-mode'],
  },
  {
    id: 'py39',
    term: 'py39',
    definition: [
      'CPython 3.9, with the GIL: a thread can be switched out between almost any two bytecodes, so the lookup and the store of `d[k] += v` can be separated.',
    ],
    related: ['switch-mode'],
  },
  {
    id: 'free-threaded',
    term: 'free-threaded',
    definition: [
      'A CPython build without the GIL (3.13t): threads really run at the same time. As in `py39`, and in addition a single C call such as `list(d.items())` is no longer one indivisible step.',
    ],
    related: ['switch-mode'],
  },
  {
    id: 'step',
    term: 'Step',
    definition: [
      "One atomic action of one actor, such as one line of a model listing. Steps are numbered by the state they lead to: step 0 is the initial state, before anything has run, and step N is the state after the Nth step. A link's `at=N` opens the lab at step N.",
    ],
    related: ['actor', 'schedule'],
  },
  {
    id: 'schedule',
    term: 'Schedule',
    definition: [
      'Which actor took each step of a run. Written as a short string such as `s1.1.nx8nly.xBA`: the format version, the scenario version, a tag for the scenario, its parameters and the switch mode, then the number of steps and the points where the run did not take the natural choice. The same string replays the same run exactly, and it is what a shared link carries (`s=`).',
      'The explorer counts schedules exactly up to 2⁵³ − 1, about 9 × 10¹⁵. Past that, as in an unbounded search of the metrics race, a count is rounded and shown as an estimate with three significant digits, such as "about 1.05 × 10²¹"; a count below 2⁵³ beside it is still exact. The headless commands say which with `countsExact`.',
    ],
    related: ['preemption', 'seed', 'step'],
  },
  {
    id: 'preemption',
    term: 'Preemption',
    definition: [
      'A point in a run where more than one actor could take the next step and the schedule picks another one than the natural scheduler would (the natural scheduler runs whatever is due first, and otherwise keeps the thread that ran last). A natural run has 0 preemptions. The explorer bounds its search by the number of preemptions.',
    ],
    related: ['schedule', 'minimal-counterexample'],
  },
  {
    id: 'seed',
    term: 'Seed',
    definition: [
      'The number (0 to 4294967295) that starts the random number generator behind a random schedule, as in `sim --seed 42`. The same seed, scenario, variant and switch mode give the same run. "Seed" means nothing else here.',
    ],
    related: ['schedule'],
  },
  {
    id: 'outside-event',
    term: 'Outside event',
    definition: [
      "Something that happens outside the consumer process at its own time: a member joining or leaving the group, the followed group committing, the downstream getting room again. A natural run has it at its nominal time; the explorer also tries it later, up to its latest time (the nominal time plus the scenario's slack), so that it can fall anywhere among the threads' steps. It happens by its latest time in every schedule that runs that long.",
    ],
    related: ['actor', 'preemption'],
  },
  {
    id: 'invariant',
    term: 'Invariant',
    definition: [
      'A property that must hold in every run, checked as the run goes: `flag-consistency`, `message-loss`, `duplicate`, `paused-forever`, `carried-message` and `liveness` for the pause race, `metrics-conservation` for the metrics race. A run that breaks one has the outcome `violation:<invariant>`.',
    ],
    related: ['outcome'],
  },
  {
    id: 'outcome',
    term: 'Outcome',
    definition: [
      'How a run ends, as a key: `ok`, `crash:<exception>@<thread>` (for example `crash:AssertionError@main`), or `violation:<invariant>` for each invariant it broke. The explorer counts schedules by outcome.',
    ],
    related: ['invariant', 'minimal-counterexample'],
  },
  {
    id: 'minimal-counterexample',
    term: 'Minimal counterexample',
    definition: [
      'For each outcome other than `ok`, the schedule the explorer found with the fewest preemptions, and among those the fewest steps, counted up to the first step at which the outcome holds. It is the shortest story of how things go wrong.',
    ],
    related: ['preemption', 'outcome', 'schedule'],
  },
  {
    id: 'collision',
    term: 'Collision',
    definition: [
      "The two steps at the heart of a race. The victim is the step whose assumption broke: the `next()` that raised, the assert that failed. The culprit is the other actor's earlier step that changed the shared state under it: the key inserted into the dict, the callback that reset the processor. The timeline draws an arrow from the culprit to the victim.",
    ],
    related: ['step', 'actor'],
  },
  {
    id: 'provenance',
    term: 'Provenance',
    definition: [
      'Where a scenario comes from, shown beside it everywhere. A production crash reproduces a failure that really happened, with the arroyo commit that records it. A what-if plays a story from an incident write-up that the real code cannot produce, and is never presented as what happened. A verification-plan scenario is one of the checks proposed for the pause race fix, run on the real components.',
    ],
    related: ['incident-write-ups'],
  },
  {
    id: 'incident-write-ups',
    term: 'Incident write-ups',
    definition: [
      "The documents the project started from, which are not part of this repository: the pause-race write-up (it blamed the SynchronizedConsumer and proposed a fix), its verification plan (four scenarios), the metrics-race write-up (it proposed the copy-then-clear fix), and the metrics-race status report (a stress test of 6 threads and 6,000 operations with no errors). Where they and arroyo's code disagree, the code wins, and the lab shows the write-ups' story as a what-if.",
    ],
    related: ['seed-fix', 'provenance'],
  },
];
