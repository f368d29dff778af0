import type { Messages } from '../messages';

/**
 * German: every string of the kit, for `<ConnectProvider messages={de}>`. A separate import
 * (`@plugboard/react/locales/de`), so an app that does not use it ships none of it.
 * {app} always stands where German takes the dative ("mit GitHub", "bei dem Dienst"), so a
 * name and `appFallback` both read right.
 *
 * @example import { de } from '@plugboard/react/locales/de'; <ConnectProvider backend={backend} messages={de}>
 */
export const de: Messages = {
  locale: 'de',
  appFallback: 'dem Dienst',
  errorTimeout: 'Von {app} kam nicht rechtzeitig eine Antwort. Versuchen Sie es erneut.',
  errorNetwork: 'Keine Verbindung zu {app}. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  errorService: 'Bei {app} gibt es gerade ein Problem. Versuchen Sie es in ein paar Minuten erneut.',
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
  connectAwaitingUser: 'Warten auf den Anbieter…',
  connectVerifying: 'Verbindung wird geprüft…',
  connectConnected: 'Verbunden',
  connectConnectedApp: 'Mit {app} verbunden',
  connectFailed: 'Verbindung fehlgeschlagen.',
  connectCancelled: 'Die Verbindung wurde abgebrochen.',
  connectExpired: 'Der Verbindungslink ist abgelaufen.',
  connectAwaitingUserHint: 'Schließen Sie den Vorgang im geöffneten Fenster ab.',
  waitingForWindow: 'Schließen Sie die Verbindung im Fenster von {app} ab.',
  cancel: 'Abbrechen',
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
  formConnectedNext: 'Die Verbindung mit {app} ist einsatzbereit.',
  formConnectAnother: 'Weiteres Konto verbinden',
  formInvalidSummary_one: 'Füllen Sie vor dem Verbinden {count} Feld aus:',
  formInvalidSummary_other: 'Füllen Sie vor dem Verbinden {count} Felder aus:',
  formRefusedSummary_one: '{count} Feld wurde von {app} abgelehnt:',
  formRefusedSummary_other: '{count} Felder wurden von {app} abgelehnt:',
  formProblem: '{label}: {message}',
  formPlaceholder: 'z. B. {example}',
  formMoreOptions: 'Weitere Optionen',
  formShowSecret: '{label} anzeigen',
  fieldRequired: '{label} ist erforderlich',
  fieldInvalidNumber: 'Geben Sie eine Zahl ein',
  fieldInvalid: '{label} ist ungültig',
};
