package understand

import "signaal/content"

// Kinds of intent, in the order in which they win when one message holds
// several: someone in danger first, then what someone tells, then what
// someone asks, then small talk.
const (
	KindDanger     = "danger"
	KindDisclosure = "disclosure"
	KindQuestion   = "question"
	KindChat       = "chat"
)

// Kinds lists the kinds of intent.
var Kinds = []string{KindDanger, KindDisclosure, KindQuestion, KindChat}

// Who a message is about: the person typing, someone they know, or someone
// they work with (a pupil, a client).
const (
	WhoMe    = "me"
	WhoOther = "other"
	WhoProf  = "prof"
)

// Whos are who a message can be about; contacts.yaml's audiences say
// which audience each is (content.Content.AudienceOf).
var Whos = []string{WhoMe, WhoOther, WhoProf}

// Age is what a message says about the age of the person it is about.
type Age uint8

const (
	AgeUnknown Age = iota // the message does not say
	AgeMinor              // under 18
	AgeAdult              // 18 or older
)

// Understanding is understand.yaml: the intents people type, each with
// example sentences and keywords per language and what it leads to, and
// the words that say who a message is about and how old they are.
type Understanding struct {
	// Threshold is the least similarity between a message and an intent's
	// examples for the message to count as that intent.
	Threshold float64 `yaml:"threshold"`
	// Spellings map a way people type a word to the word itself: "mn" is
	// "mijn", "k" is "ik".
	Spellings map[string]string `yaml:"spellings"`
	// Emoji map an emoji to the word it says ("😰" is "bang"): young
	// people often say how they feel with one and nothing else.
	Emoji   map[string]string `yaml:"emoji"`
	Markers Markers           `yaml:"markers"`
	// Ages name, for each question that asks for an age, the option that
	// an age given in a message answers.
	Ages []*AgeAnswer `yaml:"ages"`
	// Young is what a young person under 18, or one who does not say
	// their age, is offered besides, as the jong flow offers Veilig Thuis.
	Young *Addition `yaml:"young"`
	// Switch are the ways to ask for a language, by the language asked
	// for ("english", "kan het in het engels"): the conversation goes on
	// in it.
	Switch map[string]Phrases `yaml:"switch"`
	// Fear is the help for a fear of the police or of being punished.
	Fear *FearAnswer `yaml:"fear"`
	// Means are keywords of a means of control that every form of
	// exploitation uses (a debt): where a keyword of the form itself
	// names another topic, that keyword decides. A debt paid back in a
	// club is sexual exploitation.
	Means   Phrases   `yaml:"means"`
	Intents []*Intent `yaml:"intents"`

	// Messages are the messages of messages/, which the danger model
	// learns from; none when the content has no such directory.
	Messages []Message `yaml:"-"`

	byID map[string]*Intent
}

// FearAnswer is the help shown to someone afraid of the police or of being
// punished: Contacts (after those that fit the topic), and never the
// contacts of Never first or at all, however well they fit.
type FearAnswer struct {
	Contacts []string `yaml:"contacts"`
	Never    []string `yaml:"never"`
	// Topics are answers of their own for fears about one topic.
	Topics []*FearTopic `yaml:"topics"`

	Line int `yaml:"-"`
}

// FearTopic is the answer to a fear about one topic (an intent's id): its
// own text, and its contacts in this order instead of the topic's help
// and the fear's.
type FearTopic struct {
	Topic    string   `yaml:"topic"`
	Text     string   `yaml:"text"`
	Contacts []string `yaml:"contacts"`

	Line int `yaml:"-"`
}

// For returns the answer of its own for a fear about topic, or nil.
func (fa *FearAnswer) For(topic string) *FearTopic {
	for _, t := range fa.Topics {
		if t.Topic == topic {
			return t
		}
	}
	return nil
}

// Phrases are words or phrases per language. In a phrase, a word may start
// or end with '*': "pakketje*" stands for any word that starts with
// "pakketje", "*prostitutie" for any that ends with it.
type Phrases map[string][]string

// All returns the phrases of every language, the default language first.
func (p Phrases) All(langs []string) []string {
	var out []string
	for _, lang := range langs {
		out = append(out, p[lang]...)
	}
	return out
}

// Markers are the phrases that say who a message is about and how old
// they are.
type Markers struct {
	// Me says the message is about the person typing ("laat me", "ik
	// moet"); FirstPerson are their words that say less ("ik", "mijn"),
	// which count only when nothing else says who it is about.
	Me          Phrases `yaml:"me"`
	FirstPerson Phrases `yaml:"first_person"`
	// Reflexive are the phrases whose "me" is the writer as the one who
	// feels ("ik schrik me dood", "ik maak me zorgen"): each takes back one
	// match of Me, so that a parent's shock about a child stays about
	// the child.
	Reflexive Phrases `yaml:"reflexive"`
	// Doubt says the writer is not sure what it is ("weet niet of dit
	// normaal is", "am i overreacting"): signs of one form then do not
	// make the answer that form's.
	Doubt Phrases `yaml:"doubt"`
	// Away are the phrases whose home word says where the person is
	// not ("slaapt niet meer thuis"): each takes back one match of Home.
	Away  Phrases `yaml:"away"`
	Other Phrases `yaml:"other"`
	Prof  Phrases `yaml:"prof"`
	// Helped are the writer's own helpers ("mijn mentor", "met een
	// hulpverlener praten", "my teacher"): a professional's word inside
	// one says the writer is the one helped, not a professional, so it
	// does not count as Prof.
	Helped Phrases `yaml:"helped"`
	// Home: it happens at home or in the family.
	Home Phrases `yaml:"home"`
	// Spouse: a husband or his family ("mijn man", "schoonfamilie"),
	// with whom one lives: a home too.
	Spouse Phrases `yaml:"spouse"`
	// Abroad says the family or home is in another country ("my family
	// back home"): a threat to them is how exploitation holds someone,
	// not something that happens at home here.
	Abroad Phrases `yaml:"abroad"`
	// Minor and Adult say an age without a number ("minderjarig").
	Minor Phrases `yaml:"minor"`
	Adult Phrases `yaml:"adult"`
	// Woman says the one a story is about is a grown woman ("vrouw
	// binnen met blauwe plekken", "patiënte van rond de 20"): an age for
	// a story about someone else, never the writer's own.
	Woman Phrases `yaml:"woman"`
	// AgeBefore and AgeAfter are the words that make a number an age
	// when they stand right before it ("ik ben 15", "van 14") or right
	// after it ("15 jaar").
	AgeBefore Phrases `yaml:"age_before"`
	AgeAfter  Phrases `yaml:"age_after"`
	// Child are the words for a child that make a number under 10 right
	// after them, or after them and "van"/"of", an age ("ons zoontje
	// van 8"): beside any other word such a number is rarely one.
	Child Phrases `yaml:"child"`
	// Partner are the people whose age a number after "van"/"of" gives
	// rather than the age of the person the message is about: in "mijn
	// dochter heeft een vriend van 22" the 22 is the boyfriend's.
	Partner Phrases `yaml:"partner"`
	// Watched says someone reads along or is right there, so that the
	// person cannot talk now ("hij kijkt mee", "cant talk"): the answer
	// then says nothing telling and offers the quick exit first.
	Watched Phrases `yaml:"watched"`
	// Police and Worry together are a fear of the police or of being
	// punished ("bang dat de politie me oppakt"): not danger now, but a
	// question that deserves an honest answer and help that thinks along
	// anonymously, never the police first.
	Police Phrases `yaml:"police"`
	Worry  Phrases `yaml:"worry"`
	// Asks are the words of a question ("wie", "where"); a question mark
	// says it too. Beside everyday life only a message that asks is read
	// as asking for a contact: "mn moeder komt me halen van training"
	// asks for no training.
	Asks Phrases `yaml:"asks"`

	Line int `yaml:"-"`
}

// AgeAnswer names the options of an age question ("flow/state") that
// answer for someone under 18, 18 or older, or an age not given.
type AgeAnswer struct {
	State   string `yaml:"state"`
	Minor   string `yaml:"minor"`
	Adult   string `yaml:"adult"`
	Unknown string `yaml:"unknown"`
	// Continue, instead of options, goes on where an age leads from a
	// question that does not ask it: "ik ben 15" where the bot asks who
	// it is about is the person's own story, at their age ("flow/state/*"
	// in its answers is answered by the age).
	Continue *Continue `yaml:"continue"`

	Line int `yaml:"-"`
}

// Option returns the option id for an age.
func (a *AgeAnswer) Option(age Age) string {
	switch age {
	case AgeMinor:
		return a.Minor
	case AgeAdult:
		return a.Adult
	}
	return a.Unknown
}

// Addition is a line and contacts added to an answer.
type Addition struct {
	Text     string   `yaml:"text"`
	Contacts []string `yaml:"contacts"`

	Line int `yaml:"-"`
}

// Intent is one thing people mean when they type: someone in danger, a
// worry about sexual exploitation, a question for a phone number, a
// greeting. It is recognised by its examples and keywords (and, for
// danger, by hard rules) and leads to an answer.
type Intent struct {
	ID   string `yaml:"id"`
	Kind string `yaml:"kind"`
	// Examples are sentences people type, per language; a message like
	// one of them counts as this intent.
	Examples Phrases `yaml:"examples"`
	// Keywords are words or phrases that say this intent on their own,
	// wherever they stand in a message.
	Keywords Phrases `yaml:"keywords"`

	// Danger only. Rules are phrases that make a message a danger
	// message whatever else it says, unless one of Except overlaps the
	// match ("bang dat ik" is a worry, not fear right now). Signs are
	// weaker: each is a kind of sign (fear, a weapon, someone at the
	// door, the time is now). A firm kind is danger on its own; any
	// other makes danger with a second kind, or when it is not context
	// and the message says nothing else ("kan niet weg"). Plain are the
	// words that say nothing else ("ik", "echt", "nu"). An everyday word
	// ("huiswerk", "spinnen") takes one kind away and makes no kind firm:
	// fear of a test is no danger. Alone are messages
	// that are danger when they are all there is ("help", "hulp nodig");
	// Opening are cries that make a message danger when it begins with
	// them ("help, hij is dronken").
	Rules  Phrases `yaml:"rules"`
	Except Phrases `yaml:"except"`
	// VerbLast is for languages whose clauses may put the verb last
	// ("dat hij onderweg is", "die me blijft volgen"): in a language
	// listed, a rule or sign of two or three words also matches with its
	// first word moved back, unless that word is one listed for it
	// (words such as "voor" and "de" that keep their place).
	VerbLast Phrases `yaml:"verb_last"`
	// Determiners stand for each other in rules, signs and exceptions:
	// "voor de deur" also matches "voor mijn deur" and "voor zijn deur".
	Determiners Phrases `yaml:"determiners"`
	// Objects stand for each other in the same way: "laten me niet gaan"
	// also matches "laten haar niet gaan", "wont let me leave" also "wont
	// let her leave", for a message about someone else in danger.
	Objects Phrases `yaml:"objects"`
	Signs   []*Sign `yaml:"signs"`
	Plain   Phrases `yaml:"plain"`
	// Everyday life (school, sport, a birthday cake) explains a sign of
	// danger away: "we hebben een mes nodig voor de taart" tells nothing
	// else either. Routine (what happened before, happens again and
	// again, or is how someone lives) is no danger now either, but may
	// well be a story: "elke avond wordt ze afgezet door andere autos".
	Everyday Phrases `yaml:"everyday"`
	Routine  Phrases `yaml:"routine"`
	// Light words ("haha", "lol") say a message is said in jest: one in
	// which nothing else was read tells nothing, whatever the topic
	// model would make of its other words.
	Light   Phrases `yaml:"light"`
	Alone   Phrases `yaml:"alone"`
	Opening Phrases `yaml:"opening"`

	// Danger, question and chat: the answer's text and contacts, and for
	// a question a flow to go on in.
	Text     string    `yaml:"text"`
	Contacts []string  `yaml:"contacts"`
	Continue *Continue `yaml:"continue"`

	// Weight is added to the intent's score when intents compete for a
	// message: below zero for an intent that should only win when no
	// other comes close, such as "not sure what it is".
	Weight float64 `yaml:"weight"`
	// KeywordsAlone: the intent's keywords count only in a message whose
	// other words are all plain (see Plain): "stop" asks to end the chat
	// in "can we stop", not in "he wont stop texting me" or "ik wil
	// stoppen met dit werk".
	KeywordsAlone bool `yaml:"keywords_alone"`
	// AtHome names the disclosure that answers instead when the message
	// says it happens at home or in the family; for an intent that names
	// no form of exploitation of its own.
	AtHome string `yaml:"at_home"`
	// AtHomeMinor names the disclosure that answers instead when it
	// happens at home to someone under 18: work for the family is work
	// for an adult who lives in, and a story of home for a child.
	AtHomeMinor string `yaml:"at_home_minor"`
	// AtMarriage names the disclosure that answers instead when what
	// someone tells is done to them by a husband or his family
	// (Markers.Spouse), whatever their age: made to cook, clean and
	// work for a husband's family is domestic violence, a story of home.
	AtMarriage string `yaml:"at_marriage"`
	// Fallback names who (me, other, prof) this disclosure answers when
	// a message says it is about them and nothing else in it is
	// understood: a teacher who writes about a pupil is telling a
	// worry, even in words no example has.
	Fallback []string `yaml:"fallback"`

	// Disclosure: the answer for who the message is about.
	Me    *Answer `yaml:"me"`
	Other *Answer `yaml:"other"`
	Prof  *Answer `yaml:"prof"`

	Line int `yaml:"-"`
}

// Sign is one kind of sign of danger and the phrases that show it. A
// firm kind (fear, a weapon, someone at the door) is danger on its own
// unless the message is about everyday life; context signs (when, where,
// "anders") add to another sign but are never danger on their own; soft
// signs count only when the message tells no disclosure of its own
// ("bedreigd" is danger, "bedreigd met naaktfoto's" is about images).
type Sign struct {
	ID      string `yaml:"id"`
	Firm    bool   `yaml:"firm"`
	Context bool   `yaml:"context"`
	Soft    bool   `yaml:"soft"`
	// Worry: the kind is being afraid, which in a fear of the police or
	// of being punished is that fear, not danger ("ik durf eigenlijk
	// niet eens dit te typen"), and in a story about someone else the
	// writer's worry about it ("mijn zoon heeft ineens 2 telefoons, ik
	// ben zo bang").
	Worry bool `yaml:"worry"`
	// Deadline: the kind says by when or else ("in 15 min", "if im
	// not at the car"). With every deadline kind in a message, a fear of
	// them in it does not stop the danger: "if im not at the car in 15
	// min they'll hurt my mum, they know where we live".
	Deadline bool    `yaml:"deadline"`
	Phrases  Phrases `yaml:"phrases"`

	Line int `yaml:"-"`
}

// Answer is what a disclosure leads to for one kind of person: a text,
// the contacts that fit, and where in the flows to go on.
type Answer struct {
	Text     string    `yaml:"text"`
	Contacts []string  `yaml:"contacts"`
	Continue *Continue `yaml:"continue"`
	// KeepOrder keeps the order of Contacts for an adult too: help for
	// children and homes (Veilig Thuis) otherwise comes last when the
	// person is known to be an adult, but for anyone in doubt what is
	// going on it is the help that comes first.
	KeepOrder bool `yaml:"keep_order"`

	Line int `yaml:"-"`
}

// Continue is a button that goes on in a flow: the conversation begins the
// flow afresh and presses Answers, option data "flow/state/option" one
// after the other, as the person would have; "*" as the option answers an
// age question with the age the message gave (see Ages). Signals are
// recorded first. Label is the button's text key.
type Continue struct {
	Flow    string   `yaml:"flow"`
	Answers []string `yaml:"answers"`
	Signals []string `yaml:"signals"`
	Label   string   `yaml:"label"`

	Line int `yaml:"-"`
}

// Answer returns the answer of a disclosure for who, or nil.
func (in *Intent) Answer(who string) *Answer {
	switch who {
	case WhoMe:
		return in.Me
	case WhoOther:
		return in.Other
	case WhoProf:
		return in.Prof
	}
	return nil
}

// Intent returns the intent with the given id, or nil.
func (u *Understanding) Intent(id string) *Intent { return u.byID[id] }

// byIDAll finds an intent by id before validation has indexed them all.
func (u *Understanding) byIDAll(id string) *Intent {
	for _, in := range u.Intents {
		if in.ID == id {
			return in
		}
	}
	return nil
}

// AgeQuestion returns the age answers of the question "flow/state", or nil.
func (u *Understanding) AgeQuestion(flow, state string) *AgeAnswer {
	for _, a := range u.Ages {
		if a.State == flow+"/"+state {
			return a
		}
	}
	return nil
}

// Meaning is what one typed message says, as far as it was understood. It
// holds no words of the message: only the intent, who it is about, an age
// group and the contacts it asks for or finds. The engine turns it into
// replies; only the intent's signals may ever be recorded.
type Meaning struct {
	// Intent is what the message means; nil when nothing was recognised.
	Intent *Intent
	// Danger is set when the message says someone is in danger now.
	// Intent is then the danger intent, and Topic what else the message
	// tells, if anything.
	Danger bool
	Topic  *Intent
	// Who is WhoMe, WhoOther or WhoProf, or empty when the message does
	// not say.
	Who  string
	Age  Age
	Home bool
	// spouse: it is done to the writer by a husband or his family (see
	// Intent.AtMarriage).
	spouse bool
	// Named are contacts the message asks for by name, Found those a
	// search of the message finds; both best first.
	Named []*content.Contact
	Found []*content.Contact
	// Lang is the language the message is written in, when its words say
	// so clearly; empty otherwise. It may be a language the content only
	// has a brief answer in (content.Content.Briefs).
	Lang string
	// Watched: someone reads along or is right there.
	Watched bool
	// Fear: a fear of the police or of being punished, not danger now.
	Fear bool
	// SwitchTo is the language the message asks to go on in, or "".
	SwitchTo string
	// SwitchOnly: asking for the language is about all the message
	// says ("kan het in het nederlands"), so nothing else is answered.
	SwitchOnly bool
	// Asks: the message asks something, with the words of a question or
	// a question mark. A contact named in a message that does not ask
	// is told of, not asked for.
	Asks bool
	// Asked is the contact the contact model is sure a question asks
	// for, when it asks who or where (whom), or nil. A question with
	// contacts of its own shows it first when it is one of them:
	// "meldcode stap 5, bij wie meld ik" asks for the care coordinator,
	// "wat zijn de stappen" for Veilig Thuis.
	Asked *content.Contact
}
