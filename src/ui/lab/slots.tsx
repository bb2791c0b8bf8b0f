/**
 * Places in the lab's layout for parts that src/ui/crash provides: the "Why" callout
 * above "what just happened" and the list of outcomes atop the side panel.
 */
import { OutcomesList } from '../crash/OutcomesList.tsx';
import { WhyCallout } from '../crash/WhyCallout.tsx';

export function WhySlot() {
  return <WhyCallout />;
}

export function OutcomesSlot() {
  return <OutcomesList />;
}
