import type { Messages } from '../messages';
import type { CatalogFieldLabels } from '../messages-fields';
import { deFields } from './de-fields';

/**
 * German: every string of the kit, for `<ConnectProvider messages={de}>`. A separate import
 * (`@plugboard/react/locales/de`), so an app that does not use it ships none of it.
 * {app} always stands where German takes the dative ("mit GitHub", "bei dem Dienst"), so a
 * name and `appFallback` both read right. The field catalog's words are in `./de-fields.ts`.
 *
 * @example import { de } from '@plugboard/react/locales/de'; <ConnectProvider backend={backend} messages={de}>
 */
export const de: Messages & CatalogFieldLabels = {
  locale: 'de',
  appFallback: 'dem Dienst',
  errorTimeout: 'Die Verbindung mit {app} hat zu lange gedauert. Versuchen Sie es erneut.',
  errorNetwork:
    'Keine Verbindung mit {app} möglich. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  errorService:
    'Die Verbindung mit {app} ist gerade nicht möglich. Versuchen Sie es in ein paar Minuten erneut.',
  errorRateLimited: 'Zu viele Versuche. Warten Sie eine Minute und versuchen Sie es dann erneut.',
  errorMisconfigured:
    'Diese App kann gerade keine Verbindung zu {app} herstellen. Bitte versuchen Sie es später erneut.',
  errorSignIn: 'Melden Sie sich bei dieser App an und verbinden Sie sich dann erneut mit {app}.',
  errorNotFound: 'Diese Verbindung mit {app} gibt es nicht mehr. Beginnen Sie von vorn.',
  errorDeclined: 'Sie haben den Zugriff bei {app} abgelehnt. Verbinden Sie sich erneut, um ihn zu erlauben.',
  errorRevoked: 'Der Zugriff bei {app} wurde entfernt. Verbinden Sie sich erneut, um ihn wiederherzustellen.',
  errorNotCompleted: 'Die Verbindung mit {app} wurde nicht abgeschlossen. Versuchen Sie es erneut.',
  errorExpired: 'Dieser Link ist abgelaufen. Beginnen Sie von vorn.',
  errorPopupBlocked:
    'Ihr Browser hat das Fenster von {app} blockiert. Erlauben Sie Pop-ups für diese Website und versuchen Sie es erneut.',
  errorPopupClosed:
    'Das Fenster von {app} wurde geschlossen, bevor Sie fertig waren. Versuchen Sie es erneut.',
  errorCancelled: 'Die Verbindung wurde abgebrochen.',
  errorCredentialsRefused:
    'Diese Zugangsdaten wurden von {app} abgelehnt. Prüfen Sie sie und versuchen Sie es erneut.',
  errorUnknown: 'Keine Verbindung mit {app} möglich. Versuchen Sie es erneut.',
  errorDetails: 'Details',
  errorDetailsMessage: 'Meldung',
  errorRequestId: 'Anfrage-ID',
  errorSuggestedFix: 'Lösungsvorschlag',
  retry: 'Erneut versuchen',
  connectIdle: 'Verbinden',
  connectCreating: 'Verbindung wird hergestellt…',
  connectAwaitingUser: 'Warten, bis Sie fertig sind…',
  connectAwaitingUserApp: 'Warten auf {app}…',
  connectVerifying: 'Verbindung wird geprüft…',
  connectConnected: 'Verbunden',
  connectConnectedApp: 'Mit {app} verbunden',
  connectFailed: 'Verbindung fehlgeschlagen.',
  connectCancelled: 'Die Verbindung wurde abgebrochen.',
  connectExpired: 'Der Verbindungslink ist abgelaufen.',
  connectAwaitingUserHint: 'Schließen Sie den Vorgang im geöffneten Fenster ab.',
  waitingForWindow: 'Schließen Sie die Verbindung im Fenster von {app} ab.',
  cancel: 'Abbrechen',
  popupConnecting: 'Verbindung mit {app} wird hergestellt…',
  openAgain: 'Erneut öffnen',
  callbackVerifying: 'Die Verbindung wird abgeschlossen…',
  callbackDone: 'Sie können dieses Fenster schließen. Die App schließt die Verbindung ab.',
  callbackNothingPending:
    'Hier gibt es keine Verbindung abzuschließen. Kehren Sie zur App zurück und beginnen Sie von vorn.',
  callbackReturn: 'Zurück zur App',
  formLoading: 'Die Felder werden geladen…',
  formLoadFailed: 'Die Felder für diese Verbindung konnten nicht geladen werden.',
  formSubmit: 'Verbinden',
  formSubmitting: 'Verbindung wird hergestellt…',
  formConnected: 'Mit {app} verbunden.',
  formConnectedAccount: 'Konto: {account}',
  formConnectAnother: 'Weiteres Konto verbinden',
  formMissingSummary_one: 'Füllen Sie vor dem Verbinden {count} Feld aus:',
  formMissingSummary_other: 'Füllen Sie vor dem Verbinden {count} Felder aus:',
  formInvalidSummary_one: 'Korrigieren Sie vor dem Verbinden {count} Feld:',
  formInvalidSummary_other: 'Korrigieren Sie vor dem Verbinden {count} Felder:',
  formMixedSummary_other: 'Ergänzen oder korrigieren Sie vor dem Verbinden {count} Felder:',
  formRefusedSummary_one: '{count} Feld wurde von {app} abgelehnt:',
  formRefusedSummary_other: '{count} Felder wurden von {app} abgelehnt:',
  formProblem: '{label}: {message}',
  formPlaceholder: 'z. B. {example}',
  formMoreOptions: 'Weitere Optionen',
  formShowSecret: '{label} anzeigen',
  ...deFields,
  accountStateConnected: 'Verbunden',
  accountStateDisabled: 'Deaktiviert',
  accountStatePending: 'Wartet auf Ihren Abschluss',
  accountStateAbandoned: 'Nicht abgeschlossen',
  accountStateFailed: 'Fehlgeschlagen',
  accountStateExpired: 'Abgelaufen',
  accountAddedAt: 'Hinzugefügt am {date}',
  accountDisconnect: 'Trennen',
  accountDisconnectLabel: '{app} trennen',
  accountDisconnectTitle: '{app} trennen?',
  accountDisconnectDescription:
    'Diese App kann dann nicht mehr auf Ihr {app}-Konto zugreifen. Sie können es später wieder verbinden.',
  accountDisconnectConfirm: 'Trennen',
  accountDisconnectCancel: 'Behalten',
  accountRemove: 'Entfernen',
  accountRemoveLabel: '{app} entfernen',
  accountDisable: 'Deaktivieren',
  accountDisableLabel: '{app} deaktivieren',
  accountEnable: 'Aktivieren',
  accountEnableLabel: '{app} aktivieren',
  accountReconnect: 'Erneut verbinden',
  accountReconnectLabel: '{app} erneut verbinden',
  accountDisconnected: '{app} wurde getrennt.',
  accountRemoved: '{app} wurde entfernt.',
  accountDisabled: '{app} wurde deaktiviert.',
  accountEnabled: '{app} wurde aktiviert.',
  accountReconnected: '{app} wurde erneut verbunden.',
  accountActionFailed: '{app} konnte nicht geändert werden. {reason}',
  accountListLoading: 'Ihre Verbindungen werden geladen…',
  accountListFailed: 'Ihre Verbindungen konnten nicht geladen werden. {reason}',
  accountListEmpty: 'Noch keine verbundenen Konten.',
};
