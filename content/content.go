package content

import (
	"crypto/sha256"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
)

// DefaultLang is the language a conversation starts in and the one every
// other language is checked against.
const DefaultLang = "nl"

//go:embed data
var embedded embed.FS

// Content is everything the bot can say, decoded and validated. It is
// immutable once Load returns it and safe to share between goroutines.
type Content struct {
	// Flows by id, and their ids in file order.
	Flows     map[string]*Flow
	FlowOrder []string
	// Texts[lang][key] is the text for a key in a language.
	Texts map[string]map[string]string
	// Langs lists the languages, DefaultLang first, the rest sorted.
	Langs []string
	// Contacts by id, and their ids in file order.
	Contacts     map[string]*Contact
	ContactOrder []string
	// Categories order the contacts when all of them are listed; each
	// contact names one. Empty when contacts.yaml defines none.
	Categories []*Category
	// Search holds the words that contact search folds together or skips;
	// nil when the content has no search.yaml.
	Search *SearchWords
	// Briefs are the short answers in languages the content has no
	// conversation in, by language code; nil when there are none.
	Briefs map[string]*Brief
	// Warnings are problems that do not stop the bot, such as a contact
	// whose details have not been checked for a long time.
	Warnings Problems

	emergency, safety []string
	audiences         []*Audience
	// digest is the SHA-256 of the files read (see Digest).
	digest [sha256.Size]byte
	// limits are the channel's, as Options gave them; textLines[lang][key]
	// is the line of a text in its file.
	limits    Limits
	textLines map[string]map[string]int
}

// Limits are what the channel the content was loaded for can carry
// (Options.Limits). The engine checks every reply it renders against them
// when it is built (flows.New), as content does not render replies.
func (c *Content) Limits() Limits { return c.limits }

// TextAt is where the text for key in lang is defined: its file and line,
// for problems about what the text becomes (line 0 when it has none).
func (c *Content) TextAt(lang, key string) (file string, line int) {
	return fmt.Sprintf("%s/%s.yaml", textsDir, lang), c.textLines[lang][key]
}

// Category is a group of contacts, for listing them all.
type Category struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"` // text key

	Line int `yaml:"-"`
}

// SearchWords is search.yaml: the everyday words contact search knows
// besides the contacts' own names and keywords.
type SearchWords struct {
	// Synonyms are groups of words or phrases that mean the same thing
	// for search; a query naming one finds what the others find.
	Synonyms [][]string `yaml:"synonyms"`
	// Stopwords carry no meaning for search ("ik", "the").
	Stopwords []string `yaml:"stopwords"`
}

// Flow is one dialogue: a set of states starting at Start.
type Flow struct {
	ID    string `yaml:"flow"`
	Start string `yaml:"start"`
	// Audience says who the flow is for (jongeren, omstanders,
	// professionals). A flow without one is for everyone whose flows lead
	// to it. Every contact an ending offers must serve all of them.
	Audience []string `yaml:"audience"`
	States   []*State `yaml:"states"`

	File string `yaml:"-"`
	byID map[string]*State
}

// State is one step of a flow. It is a question (Text and Options), an
// ending (End, Text and Contacts) or a branch (Branch only), which moves on
// at once according to the signals recorded so far.
type State struct {
	ID       string    `yaml:"id"`
	Text     string    `yaml:"text"`
	Options  []*Option `yaml:"options"`
	Branch   []*Branch `yaml:"branch"`
	End      bool      `yaml:"end"`
	Contacts []string  `yaml:"contacts"`
	// Report lists recorded answers to show under the text, one a line,
	// so that a professional can copy a summary: the item's label, then
	// the label of the option that recorded the answer.
	Report []*ReportItem `yaml:"report"`
	// ReportDate, with a report, is the text key of the label of a line
	// above the answers that gives the date of the step in Dutch time
	// ("Datum: 27-11-2026"), so that a copied summary says when it was
	// made. The date is worked out when the report is shown, never stored.
	ReportDate string `yaml:"report_date"`
	// ReportEnd, with a report, is the text key of a line under the
	// answers, such as a line for the reader to fill in themselves.
	ReportEnd string `yaml:"report_end"`
	// When adds to an ending what fits the answers recorded so far: every
	// rule whose signals all hold adds its text and its contacts (those
	// the ending does not show already), in the order of the rules. The
	// contacts for the form of exploitation a screening scored are an
	// example.
	When []*When `yaml:"when"`

	Line int `yaml:"-"`
}

// When is one rule of an ending's When: when every signal in If has been
// recorded, the ending also shows Text (a text key, optional) and the
// cards of Contacts.
type When struct {
	If       []string `yaml:"if"`
	Text     string   `yaml:"text"`
	Contacts []string `yaml:"contacts"`

	Line int `yaml:"-"`
}

// AllContacts is every contact an ending can show: its own, then those
// its When rules add, each once.
func (s *State) AllContacts() []string {
	ids := append([]string(nil), s.Contacts...)
	for _, w := range s.When {
		for _, id := range w.Contacts {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// ReportItem is one line of a report: the answer recorded for Signal (a
// signal key), introduced by the text Label.
type ReportItem struct {
	Signal string `yaml:"signal"`
	Label  string `yaml:"label"`

	Line int `yaml:"-"`
}

// Option is an answer the user can choose. It leads to Next in the same
// flow, or to the start of another flow when Flow is set. Signal, written
// "key=value", is recorded in the session when the option is chosen.
type Option struct {
	ID     string `yaml:"id"`
	Label  string `yaml:"label"`
	Next   string `yaml:"next"`
	Flow   string `yaml:"flow"`
	Signal string `yaml:"signal"`
	// Also are further signals recorded with Signal, for instance a flag
	// that several answers set and a branch tests once.
	Also []string `yaml:"also"`
	// Leave makes the option a quick exit ("Nee, iemand kan meekijken"):
	// the conversation is wiped as with 'Snel weg', and the one line left
	// is the text of this key, which says how to come back and nothing
	// more. An option that leaves has no next and no flow.
	Leave string `yaml:"leave"`

	Line int `yaml:"-"`
}

// Branch is one rule of a branch state: when every signal in If has been
// recorded, the conversation moves to Next. A rule without If always holds,
// so the last rule of a branch state must have none.
type Branch struct {
	If   []string `yaml:"if"`
	Next string   `yaml:"next"`

	Line int `yaml:"-"`
}

// Contact is an organisation the bot refers to. Every fact in it comes from
// the seed documents named in Source and Sources and was last checked on
// Checked.
type Contact struct {
	ID      string            `yaml:"id"`
	Name    string            `yaml:"name"`
	About   map[string]string `yaml:"about"`
	Phone   string            `yaml:"phone"`
	Web     string            `yaml:"web"`
	Chat    string            `yaml:"chat"`
	Email   string            `yaml:"email"`
	Address string            `yaml:"address"`
	// Hours as the source states them, per language; empty when unknown.
	Hours map[string]string `yaml:"hours"`
	// Open is the same opening hours in a form the bot can compare with
	// the clock, so that a referral can say whether it is open now.
	Open *Schedule `yaml:"open"`
	// Alt are the contacts to offer while this one is closed; each must
	// be Always reachable.
	Alt []string `yaml:"alt"`
	// Always is set when a source says the contact can always be reached.
	Always   bool     `yaml:"always"`
	Audience []string `yaml:"audience"`
	Forms    []string `yaml:"forms"`
	Region   string   `yaml:"region"`
	Category string   `yaml:"category"`
	Keywords []string `yaml:"keywords"`
	// Aliases are other names people know the contact by ("bnrm",
	// "national rapporteur"): said in full, they ask for it as its name
	// does, also where it is not meant for whoever asks.
	Aliases []string `yaml:"aliases"`
	// Source names the seed document the facts come from; Sources names
	// several when one document does not hold them all.
	Source  string   `yaml:"source"`
	Sources []string `yaml:"sources"`
	Checked string   `yaml:"checked"`

	Line int `yaml:"-"`
}

// AllSources is Source and Sources together.
func (ct *Contact) AllSources() []string {
	if ct.Source == "" {
		return ct.Sources
	}
	return append([]string{ct.Source}, ct.Sources...)
}

// For reports whether the contact serves audience. A contact that names
// no audience serves everyone.
func (ct *Contact) For(audience string) bool {
	return len(ct.Audience) == 0 || slices.Contains(ct.Audience, audience)
}

// Schedule is weekly opening hours in Dutch time: open on Days from From
// until Until ("09:00", "17:00"). Days are mon, tue, wed, thu, fri, sat,
// sun. Public holidays are not known.
type Schedule struct {
	Days  []string `yaml:"days"`
	From  string   `yaml:"from"`
	Until string   `yaml:"until"`

	Line        int `yaml:"-"`
	days        [7]bool
	from, until int // minutes after midnight
}

// State returns the state with the given id, or nil.
func (f *Flow) State(id string) *State { return f.byID[id] }

// Text returns the text for key in lang, falling back to DefaultLang.
func (c *Content) Text(lang, key string) string {
	if t, ok := c.Texts[lang][key]; ok {
		return t
	}
	return c.Texts[DefaultLang][key]
}

// Digest is a hash of every file Load read, its name and its bytes: two
// Contents with the same digest were read from the same files, so that
// what is computed from the files alone (the understanding's models) can
// be kept under it.
func (c *Content) Digest() [sha256.Size]byte { return c.digest }

// HasLang reports whether texts exist for lang.
func (c *Content) HasLang(lang string) bool {
	_, ok := c.Texts[lang]
	return ok
}

// Default loads and validates the content embedded in the binary.
func Default() (*Content, error) { return DefaultWith(Options{}) }

// DefaultWith is Default with options, such as the limits of the channel
// the content will be shown in.
func DefaultWith(o Options) (*Content, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, err
	}
	return LoadWith(sub, o)
}

// Problem is one thing wrong with the content, at a file and line.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Problems is every problem Load found. As an error it lists them all, one
// a line, in file and line order.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Sorted orders the problems by file and line, keeping the order of
// those at the same place, and returns them.
func (ps Problems) Sorted() Problems {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
	return ps
}
