/**
 * What only the presenter sees of a chapter: its notes, and the answer to its
 * question with the feedback that explains it. Shown in the presenter's notes beside
 * the slide and in the speaker window, each in its own container.
 */
import type { Chapter } from '../../tours/schema.ts';
import { InlineText } from '../tour/Annotation.tsx';

export function ChapterNotes({ chapter }: { readonly chapter: Chapter | undefined }) {
  const right = chapter?.question?.choices.find((c) => c.correct);
  return (
    <>
      {chapter?.notes ? (
        <p>{chapter.notes}</p>
      ) : (
        <p className="muted">No notes for this chapter.</p>
      )}
      {right ? (
        <p>
          <strong>Answer:</strong> <InlineText text={`${right.text}. ${right.feedback}`} />
        </p>
      ) : null}
    </>
  );
}
