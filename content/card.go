package content

import (
	"strings"
	"time"
	_ "time/tzdata" // for dutchTime; see there
)

// Card renders one contact as plain text in lang: name, what it is for, and
// each way to reach it on a line of its own, so that a phone shows every
// number and address as a tappable link.
func (c *Content) Card(lang string, ct *Contact) string {
	var b strings.Builder
	b.WriteString(ct.Name)
	if about := pick(ct.About, lang); about != "" {
		b.WriteString("\n")
		b.WriteString(about)
	}
	line := func(key, v string) {
		if v != "" {
			b.WriteString("\n")
			b.WriteString(c.Text(lang, key))
			b.WriteString(" ")
			b.WriteString(v)
		}
	}
	line(KeyCardPhone, ct.Phone)
	line(KeyCardChat, ct.Chat)
	line(KeyCardWeb, ct.Web)
	line(KeyCardEmail, ct.Email)
	line(KeyCardAddress, ct.Address)
	line(KeyCardHours, pick(ct.Hours, lang))
	return b.String()
}

// Cards renders the contacts with the given ids, separated by blank lines.
// Unknown ids are skipped; Load makes sure there are none in the content.
func (c *Content) Cards(lang string, ids []string) string {
	return c.CardsOpen(lang, ids, nil)
}

// CardsOpen is Cards with a line under each contact that open names,
// saying that it is open now (open[id] true) or closed now, followed by
// the contacts that can always be reached instead.
func (c *Content) CardsOpen(lang string, ids []string, open map[string]bool) string {
	parts := make([]string, 0, len(ids))
	for _, id := range ids {
		ct, ok := c.Contacts[id]
		if !ok {
			continue
		}
		card := c.Card(lang, ct)
		if isOpen, ok := open[id]; ok {
			card += "\n" + c.OpenLine(lang, ct, isOpen)
		}
		parts = append(parts, card)
	}
	return strings.Join(parts, "\n\n")
}

// OpenLine says that a contact is open now, or that it is closed now and
// who can always be reached instead, in one line.
func (c *Content) OpenLine(lang string, ct *Contact, open bool) string {
	if open {
		return c.Text(lang, KeyOpenNow)
	}
	alts := make([]string, 0, len(ct.Alt))
	for _, id := range ct.Alt {
		if alt, ok := c.Contacts[id]; ok {
			alts = append(alts, reach(alt))
		}
	}
	return c.Text(lang, KeyClosedNow) + " " + strings.Join(alts, ", ")
}

// reach is a contact in a few words: its name and the first way to reach it.
func reach(ct *Contact) string {
	for _, v := range []string{ct.Phone, ct.Chat, ct.Web, ct.Email} {
		if v == ct.Name {
			return ct.Name
		}
		if v != "" {
			return ct.Name + " " + v
		}
	}
	return ct.Name
}

// OpenAt reports whether the schedule is open at t, in Dutch time. The
// schedule must have passed Load.
func (s *Schedule) OpenAt(t time.Time) bool {
	local := t.In(dutchTime)
	m := local.Hour()*60 + local.Minute()
	return s.days[local.Weekday()] && m >= s.from && m < s.until
}

// DutchDate is the date of t in the Netherlands, as Dutch professionals
// write it: day-month-year ("27-11-2026").
func DutchDate(t time.Time) string { return t.In(dutchTime).Format("02-01-2006") }

// dutchTime is the time in the Netherlands, summer time included. The zone
// database is linked into the binary (time/tzdata), so that the bot tells
// Dutch time right in an image or on a host that has none.
var dutchTime = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		// With time/tzdata linked in, the zone is always found.
		panic(err)
	}
	return loc
}()

// pick returns m[lang], falling back to the default language.
func pick(m map[string]string, lang string) string {
	if v, ok := m[lang]; ok {
		return v
	}
	return m[DefaultLang]
}

// Brief renders a contact for an answer in a conversation, shorter than a
// card: its name and every way to reach it on the first line, so that the
// number comes first, then what it is for, then its opening hours.
func (c *Content) Brief(lang string, ct *Contact) string {
	var b strings.Builder
	b.WriteString(Line(ct))
	if about := pick(ct.About, lang); about != "" {
		b.WriteString("\n")
		b.WriteString(about)
	}
	if hours := pick(ct.Hours, lang); hours != "" {
		b.WriteString("\n")
		b.WriteString(c.Text(lang, KeyCardHours))
		b.WriteString(" ")
		b.WriteString(hours)
	}
	return b.String()
}

// Line is a contact in one line: its name and every way to reach it.
func Line(ct *Contact) string {
	var ways []string
	for _, v := range []string{ct.Phone, ct.Chat, ct.Web, ct.Email} {
		if v != "" && v != ct.Name {
			ways = append(ways, v)
		}
	}
	if len(ways) == 0 && ct.Address != "" {
		ways = append(ways, ct.Address)
	}
	if len(ways) == 0 {
		return ct.Name
	}
	return ct.Name + ": " + strings.Join(ways, " · ")
}
