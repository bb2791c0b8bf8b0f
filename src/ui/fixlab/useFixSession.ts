/**
 * The Fix lab's session: one checker worker for the page's lifetime, and what the
 * person has asked of it (a check, a step-through). The worker starts loading Pyodide
 * as soon as the page opens so the first Check is quick, but no code is sent to it
 * until the person presses Check: code that arrived in a link is only shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  DEFAULT_STEP_LIMIT,
  type CheckProgress,
  type CheckResult,
  type CodeProblem,
  type ScheduleTrace,
} from '../../fixlab/protocol.ts';
import { CheckerClient, type LoadState } from './checkerClient.ts';
import { pyodideIndexUrl } from './workerMessages.ts';

export type RunState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking'; readonly progress: CheckProgress | null; readonly bound: number }
  | { readonly kind: 'done'; readonly result: CheckResult; readonly code: string }
  | { readonly kind: 'problem'; readonly problem: CodeProblem }
  | { readonly kind: 'stopped'; readonly message: string };

export type StepThroughState =
  | { readonly kind: 'closed' }
  | { readonly kind: 'loading'; readonly schedule: string }
  | { readonly kind: 'open'; readonly trace: ScheduleTrace; readonly code: string }
  | { readonly kind: 'error'; readonly message: string };

export interface FixSession {
  readonly load: LoadState;
  readonly run: RunState;
  readonly stepThrough: StepThroughState;
  check(code: string, bound: number): Promise<CheckResult | null>;
  open(code: string, schedule: string): Promise<void>;
  close(): void;
  retryLoad(): void;
}

/** Everything a check or a trace can end in, turned into what the page shows. */
export function useFixSession(): FixSession {
  const client = useRef<CheckerClient | null>(null);
  const [load, setLoad] = useState<LoadState>({ kind: 'loading', restart: false });
  const [run, setRun] = useState<RunState>({ kind: 'idle' });
  const [stepThrough, setStepThrough] = useState<StepThroughState>({ kind: 'closed' });

  useEffect(() => {
    const created = new CheckerClient({
      indexURL: pyodideIndexUrl(import.meta.env.BASE_URL, document.baseURI),
      onLoadState: setLoad,
    });
    client.current = created;
    return () => {
      created.dispose();
      client.current = null;
    };
  }, []);

  const check = useCallback(async (code: string, bound: number) => {
    const checker = client.current;
    if (!checker) return null;
    setStepThrough({ kind: 'closed' });
    setRun({ kind: 'checking', progress: null, bound });
    const answer = await checker.check({ code, bound, stepLimit: DEFAULT_STEP_LIMIT }, (p) =>
      setRun({ kind: 'checking', progress: p, bound }),
    );
    if (answer.kind !== 'done') {
      setRun({ kind: 'stopped', message: answer.message });
      return null;
    }
    if (!answer.value.ok) {
      setRun({ kind: 'problem', problem: answer.value.problem });
      return null;
    }
    setRun({ kind: 'done', result: answer.value.value, code });
    return answer.value.value;
  }, []);

  const open = useCallback(async (code: string, schedule: string) => {
    const checker = client.current;
    if (!checker) return;
    setStepThrough({ kind: 'loading', schedule });
    const answer = await checker.trace(code, schedule);
    if (answer.kind !== 'done') setStepThrough({ kind: 'error', message: answer.message });
    else if (!answer.value.ok) setStepThrough({ kind: 'error', message: answer.value.error });
    else setStepThrough({ kind: 'open', trace: answer.value.value, code });
  }, []);

  const close = useCallback(() => setStepThrough({ kind: 'closed' }), []);
  const retryLoad = useCallback(() => client.current?.retry(), []);

  return { load, run, stepThrough, check, open, close, retryLoad };
}
