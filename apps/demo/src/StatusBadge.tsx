import { CARD_STATUS_LABELS, type CardStatus } from './toolkits';

/** A connection status as a coloured pill; the colour repeats the text, never replaces it. */
export function StatusBadge({ status }: { status: CardStatus }) {
  return (
    <span className="demo-status" data-status={status}>
      <span className="demo-status__dot" aria-hidden="true" />
      {CARD_STATUS_LABELS[status]}
    </span>
  );
}
