import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { findTour } from '../../tours/index.ts';
import { PresenterPage } from './PresenterPage.tsx';
import { channelName, type SpeakerMessage } from './speakerChannel.ts';

const TOUR = 'race-a-mechanism';
const heading = () => screen.getByRole('heading', { level: 1 });

/** The audience window's end of the channel, as the speaker window sees it. */
function audience() {
  const title = findTour(TOUR)?.title ?? '';
  const channel = new BroadcastChannel(channelName(`${TOUR}/${title}`));
  const heard: SpeakerMessage[] = [];
  channel.onmessage = (e: MessageEvent<SpeakerMessage>) => heard.push(e.data);
  return { channel, heard };
}

function press(key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  act(() => {
    document.body.dispatchEvent(event);
  });
  return event;
}

let open: BroadcastChannel | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

describe('the speaker window', () => {
  it('follows the audience window, moves it, and keeps to the deck', async () => {
    const room = audience();
    open = room.channel;
    render(<PresenterPage tourId={TOUR} chapterId={null} query={{ view: 'speaker' }} />);
    expect(heading()).toHaveTextContent('Chapter 1 of 7:');
    expect(screen.getByLabelText('Elapsed time')).toHaveTextContent(
      'Waiting for the audience window…',
    );
    await waitFor(() => expect(room.heard).toContainEqual({ kind: 'hello' }));

    room.channel.postMessage({ kind: 'at', index: 3, startedAt: Date.now() - 65_000 });
    await waitFor(() => expect(heading()).toHaveTextContent('Chapter 4 of 7:'));
    // The clock ticks once a second, so it may read a second short of the 65 s.
    expect(screen.getByLabelText('Elapsed time')).toHaveTextContent(/^Elapsed 1:0\d$/);

    expect(press('ArrowRight').defaultPrevented).toBe(true);
    expect(heading()).toHaveTextContent('Chapter 5 of 7:');
    await waitFor(() => expect(room.heard).toContainEqual({ kind: 'go', index: 4 }));

    // Notes and the speaker window are the room's keys: here they do nothing.
    expect(press('n').defaultPrevented).toBe(false);
    expect(heading()).toHaveTextContent('Chapter 5 of 7:');

    press('End');
    expect(heading()).toHaveTextContent('Chapter 7 of 7:');
    expect(screen.getByText('this is the last chapter.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next ▶' })).toBeDisabled();

    room.channel.postMessage({ kind: 'at', index: 99, startedAt: Date.now() });
    room.channel.postMessage({ kind: 'at', index: -4, startedAt: Date.now() });
    await waitFor(() => expect(heading()).toHaveTextContent('Chapter 1 of 7:'));
    expect(screen.getByRole('button', { name: '◀ Back' })).toBeDisabled();
  });
});
