package content

// Text keys the engine itself uses, whatever the flows. Every language must
// define all of them; Load checks that.
const (
	KeyOptSOS     = "sys.opt.sos"     // the emergency option, on every question
	KeyOptExit    = "sys.opt.exit"    // the quick exit, on every question
	KeyOptBack    = "sys.opt.back"    // one step back
	KeyOptRestart = "sys.opt.restart" // start over, on every ending
	KeyOptResume  = "sys.opt.resume"  // back to the question after the emergency answer

	KeyEmergency   = "sys.emergency"   // the emergency answer, 112 first
	KeyExit        = "sys.exit"        // the one neutral line after a quick exit or /stop
	KeyHelp        = "sys.help"        // what the bot is and which commands work
	KeyFreeText    = "sys.free_text"   // free text where an option was expected
	KeyStale       = "sys.stale"       // a button that does not belong to the current question
	KeyAtStart     = "sys.at_start"    // /terug at the first question
	KeyNoQuestion  = "sys.no_question" // free text when no question is waiting
	KeyReset       = "sys.reset"       // a session that could not be continued and starts again
	KeyLang        = "sys.lang"        // confirms a language switch
	KeyLangName    = "sys.lang_name"   // the language's own name, for the switch
	KeyUnavailable = "sys.unavailable" // the conversation cannot go on; the safety card follows

	KeyMedia   = "sys.media"   // a photo, sticker, voice message or file: only text and buttons are read
	KeyGroup   = "sys.group"   // in a group chat: one line asking to talk privately
	KeyPrivacy = "sys.privacy" // how private a chat on this platform is, and how to remove it

	// Descriptions of the commands, as a messenger's command menu shows them.
	KeyCmdStart   = "sys.cmd.start"
	KeyCmdBack    = "sys.cmd.back"
	KeyCmdStop    = "sys.cmd.stop"
	KeyCmdHelp    = "sys.cmd.help"
	KeyCmdLang    = "sys.cmd.lang"
	KeyCmdContact = "sys.cmd.contact"

	KeyCardPhone = "sys.card.phone"
	KeyCardWeb   = "sys.card.web"
	KeyCardChat  = "sys.card.chat"
	KeyCardEmail = "sys.card.email"
	KeyCardHours = "sys.card.hours"
)

// Text keys of features that not every content uses. Each is required in
// every language as soon as the content uses its feature, so that a small
// content (such as a test's) need not define texts it never shows.
const (
	// Used when a contact has an address.
	KeyCardAddress = "sys.card.address"
	// Used when a contact has opening hours the bot can read (open): the
	// line under its card saying that it is open now, or closed now
	// followed by the contacts that can always be reached.
	KeyOpenNow   = "sys.open.now"
	KeyClosedNow = "sys.open.closed"
	// Used when a state has a report: an answer not (yet) given.
	KeyReportNone = "sys.report.none"
	// Used when the content has search.yaml: the line above search
	// results, the line when nothing matches (the emergency contacts
	// follow), and the line above the list of all contacts.
	KeySearchFound = "sys.search.found"
	KeySearchNone  = "sys.search.none"
	KeySearchAll   = "sys.search.all"
	// Used when the content has understand.yaml: the answer to a message
	// that was not understood, the button that goes on in a flow after a
	// message was understood, and the button that begins the conversation
	// after an answer to a first message.
	KeyUnclear  = "sys.unclear"
	KeyOptGo    = "sys.opt.go"
	KeyOptBegin = "sys.opt.begin"
	// The answer to someone who says another person reads along, without
	// and with danger: no word on screen that tells what the chat is
	// about.
	KeyWatched       = "sys.watched"
	KeyWatchedDanger = "sys.watched_danger"
	// The honest answer to a fear of the police or of being punished.
	KeyFear = "sys.fear"
	// Used when set: words that, typed alone, are the quick exit as the
	// option is, in any language and whatever the question ("weg", "stop"),
	// separated by commas. They are no message and never shown. A word
	// here must be nobody's answer to a question: typing it wipes the
	// conversation.
	KeyExitWords = "sys.exit_words"
	// Used when set: wishes to leave that are no quick exit alone, as they
	// may be about the situation ("ik wil hier weg"), separated by commas.
	// Beside an exit word they leave with it: "ik wil hier weg, sluiten".
	KeyExitWishes = "sys.exit_wishes"
)

var systemKeys = []string{
	KeyOptSOS, KeyOptExit, KeyOptBack, KeyOptRestart, KeyOptResume,
	KeyEmergency, KeyExit, KeyHelp, KeyFreeText, KeyStale, KeyAtStart,
	KeyNoQuestion, KeyReset, KeyLang, KeyLangName, KeyUnavailable,
	KeyMedia, KeyGroup, KeyPrivacy,
	KeyCmdStart, KeyCmdBack, KeyCmdStop, KeyCmdHelp, KeyCmdLang, KeyCmdContact,
	KeyCardPhone, KeyCardWeb, KeyCardChat, KeyCardEmail, KeyCardHours,
}
