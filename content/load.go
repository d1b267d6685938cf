package content

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Layout of a content directory.
const (
	flowsDir     = "flows"
	textsDir     = "texts"
	contactsFile = "contacts.yaml"
	searchFile   = "search.yaml" // optional
)

// contactsDoc is the shape of contacts.yaml.
type contactsDoc struct {
	// Emergency lists the contacts shown with the emergency answer, 112 first.
	Emergency []string `yaml:"emergency"`
	// Safety lists the contacts of the safety card, shown whenever the
	// conversation cannot go on (for instance when storage is down).
	Safety []string `yaml:"safety"`
	// Audiences are who a contact or a flow is for; see Audience.
	Audiences []*Audience `yaml:"audiences"`
	// Categories order the contacts when all of them are listed.
	Categories []*Category `yaml:"categories"`
	Contacts   []*Contact  `yaml:"contacts"`
}

// Audience is a group a contact or a flow is for, with who a typed message
// is about when it is about them ("me", "other" or "prof" in
// understand.yaml): the audience of "me" is who the bot is for first, and
// a message that does not say who writes is answered as theirs.
type Audience struct {
	ID  string `yaml:"id"`
	Who string `yaml:"who"`

	Line int `yaml:"-"`
}

// AudienceOf returns the audience of a message about who, or "".
func (c *Content) AudienceOf(who string) string {
	for _, a := range c.audiences {
		if a.Who == who {
			return a.ID
		}
	}
	return ""
}

// WhoOf returns who a message is about in a flow for audience id, or "".
func (c *Content) WhoOf(id string) string {
	for _, a := range c.audiences {
		if a.ID == id {
			return a.Who
		}
	}
	return ""
}

// AudienceIDs lists the audiences in their order.
func (c *Content) AudienceIDs() []string {
	ids := make([]string, len(c.audiences))
	for i, a := range c.audiences {
		ids[i] = a.ID
	}
	return ids
}

// Emergency and Safety are the contact lists of contacts.yaml; see contactsDoc.
func (c *Content) Emergency() []string { return c.emergency }

// IsEmergencyContact reports whether id is the emergency contact: the
// first of 'emergency', the one for 112.
func (c *Content) IsEmergencyContact(id string) bool {
	return len(c.emergency) > 0 && c.emergency[0] == id
}

// Safety is the safety card's contacts; see contactsDoc.
func (c *Content) Safety() []string { return c.safety }

// Load reads a content directory (flows/*.yaml, texts/<lang>.yaml,
// contacts.yaml and, when present, search.yaml, briefs.yaml and the files
// of Options.Parts), decodes every file strictly and validates the whole.
// When anything is wrong it returns Problems listing all of it with file
// and line. A file larger than 1 MiB, or one that uses YAML anchors or
// aliases, is refused before decoding.
func Load(fsys fs.FS) (*Content, error) { return LoadWith(fsys, Options{}) }

// Options change how content is loaded.
type Options struct {
	// Now decides whether a contact's check date is old enough for a
	// warning; time.Now() when zero.
	Now time.Time
	// Limits are what the channel can carry, for the engine to check its
	// replies against (Content.Limits); zero checks no lengths.
	Limits Limits
	// Parts are the files of the content that other packages own (see
	// Part), read and checked with the rest.
	Parts []Part
	// Keys are the text keys the channels show themselves, around what
	// the engine says (the web page's labels, say): each must be in every
	// language, like the engine's own keys, so that lint reports a missing
	// one with the rest instead of a channel failing at start.
	Keys []string
}

// LoadWith is Load with options.
func LoadWith(fsys fs.FS, o Options) (*Content, error) {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	l := &loader{c: &Content{
		Flows:    map[string]*Flow{},
		Texts:    map[string]map[string]string{},
		Contacts: map[string]*Contact{},
	}, textLines: map[string]map[string]int{}, now: o.Now, keys: o.Keys, read: sha256.New()}
	l.c.limits, l.c.textLines = o.Limits, l.textLines
	l.readTexts(fsys)
	l.readContacts(fsys)
	l.readSearch(fsys)
	l.readFlows(fsys)
	l.readParts(fsys, o.Parts)
	l.readBriefs(fsys)
	if len(l.problems) == 0 {
		// Validation needs well-formed files; a decoding problem already
		// says where to look first.
		l.validate()
	}
	if len(l.problems) > 0 {
		return nil, l.problems.Sorted()
	}
	l.c.Warnings = l.warnings.Sorted()
	l.read.Sum(l.c.digest[:0])
	return l.c, nil
}

type loader struct {
	c         *Content
	textLines map[string]map[string]int // lang -> key -> line
	problems  Problems
	warnings  Problems
	now       time.Time // for the check-date warning
	keys      []string  // text keys the channels show themselves
	// parts are the Parts whose files the content has.
	parts []Part
	// read hashes every file read, name and bytes, in the order read
	// (Content.Digest).
	read hash.Hash
}

func (l *loader) addf(file string, line int, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (l *loader) readTexts(fsys fs.FS) {
	names, err := fs.Glob(fsys, textsDir+"/*.yaml")
	if err != nil || len(names) == 0 {
		l.addf(textsDir, 0, "no text files (expected %s/%s.yaml)", textsDir, DefaultLang)
		return
	}
	for _, name := range names {
		lang := strings.TrimSuffix(path.Base(name), ".yaml")
		m, ok := l.readYAML(fsys, name)
		if !ok {
			continue
		}
		texts, lines := map[string]string{}, map[string]int{}
		if m != nil {
			if m.Kind != yaml.MappingNode {
				l.addf(name, m.Line, "texts must be a mapping of key: text")
				continue
			}
			for i := 0; i+1 < len(m.Content); i += 2 {
				k, v := m.Content[i], m.Content[i+1]
				if v.Kind != yaml.ScalarNode {
					l.addf(name, v.Line, "text %q must be a string", k.Value)
					continue
				}
				if prev, dup := lines[k.Value]; dup {
					l.addf(name, k.Line, "text %q is defined twice (first on line %d)", k.Value, prev)
					continue
				}
				texts[k.Value] = strings.TrimRight(v.Value, "\n")
				lines[k.Value] = k.Line
			}
		}
		l.c.Texts[lang] = texts
		l.textLines[lang] = lines
	}
	if _, ok := l.c.Texts[DefaultLang]; !ok {
		l.addf(textsDir, 0, "no texts for the default language (expected %s/%s.yaml)", textsDir, DefaultLang)
	}
	l.c.Langs = []string{DefaultLang}
	for lang := range l.c.Texts {
		if lang != DefaultLang {
			l.c.Langs = append(l.c.Langs, lang)
		}
	}
	sort.Strings(l.c.Langs[1:])
}

func (l *loader) readContacts(fsys fs.FS) {
	var doc contactsDoc
	if !l.decodeFile(fsys, contactsFile, &doc) {
		return
	}
	for _, ct := range doc.Contacts {
		if prev, dup := l.c.Contacts[ct.ID]; dup {
			l.addf(contactsFile, ct.Line, "contact %q is defined twice (first on line %d)", ct.ID, prev.Line)
			continue
		}
		l.c.Contacts[ct.ID] = ct
		l.c.ContactOrder = append(l.c.ContactOrder, ct.ID)
	}
	l.c.emergency, l.c.safety, l.c.audiences = doc.Emergency, doc.Safety, doc.Audiences
	l.c.Categories = doc.Categories
}

// readSearch reads search.yaml when the content has one.
func (l *loader) readSearch(fsys fs.FS) {
	if _, err := fs.Stat(fsys, searchFile); errors.Is(err, fs.ErrNotExist) {
		return
	}
	var w SearchWords
	if l.decodeFile(fsys, searchFile, &w) {
		l.c.Search = &w
	}
}

func (l *loader) readFlows(fsys fs.FS) {
	names, err := fs.Glob(fsys, flowsDir+"/*.yaml")
	if err != nil || len(names) == 0 {
		l.addf(flowsDir, 0, "no flow files (expected %s/*.yaml)", flowsDir)
		return
	}
	for _, name := range names {
		f := &Flow{File: name}
		if !l.decodeFile(fsys, name, f) {
			continue
		}
		if prev, dup := l.c.Flows[f.ID]; dup {
			l.addf(name, 1, "flow %q is defined twice (also in %s)", f.ID, prev.File)
			continue
		}
		l.c.Flows[f.ID] = f
		l.c.FlowOrder = append(l.c.FlowOrder, f.ID)
	}
}

// maxFileSize bounds every content file. The largest shipped file is about
// 30 KB; the bound keeps a broken or hostile file from costing memory and
// time before anything in it has been checked.
const maxFileSize = 1 << 20 // 1 MiB

// readFile reads one file whole, and refuses it over maxFileSize.
func (l *loader) readFile(fsys fs.FS, name string) ([]byte, bool) {
	f, err := fsys.Open(name)
	if err != nil {
		l.addf(name, 0, "%v", err)
		return nil, false
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		l.addf(name, 0, "%v", err)
		return nil, false
	}
	if len(b) > maxFileSize {
		l.addf(name, 0, "the file is larger than %d bytes, the most a content file may be", maxFileSize)
		return nil, false
	}
	// Each part with its length first, so that no two sets of files
	// hash the same bytes.
	var n [16]byte
	binary.LittleEndian.PutUint64(n[:8], uint64(len(name)))
	binary.LittleEndian.PutUint64(n[8:], uint64(len(b)))
	l.read.Write(n[:8])
	l.read.Write([]byte(name))
	l.read.Write(n[8:])
	l.read.Write(b)
	return b, true
}

// readYAML reads one file and parses it, once, into a node tree. It refuses
// a file over maxFileSize and a document with anchors or aliases: content
// has no use for them, and an alias expands into a copy of what it names,
// so that a few kilobytes of nested aliases can stand for gigabytes of
// data. It returns the document's root node, nil for an empty document,
// and whether the file can be used.
func (l *loader) readYAML(fsys fs.FS, name string) (*yaml.Node, bool) {
	b, ok := l.readFile(fsys, name)
	if !ok {
		return nil, false
	}
	// Unmarshal into a Node builds the tree without expanding aliases.
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		l.yamlError(name, err)
		return nil, false
	}
	if n := findAlias(&doc); n != nil {
		l.addf(name, n.Line, "aliases are not allowed in content (found %s)", aliasName(n))
		return nil, false
	}
	if len(doc.Content) == 0 {
		return nil, true
	}
	return doc.Content[0], true
}

// findAlias returns the first node, in document order, that is an alias or
// carries an anchor, or nil. It never follows an alias, so its work is
// bounded by the size of the file.
func findAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n
	}
	for _, c := range n.Content {
		if a := findAlias(c); a != nil {
			return a
		}
	}
	return nil
}

func aliasName(n *yaml.Node) string {
	if n.Kind == yaml.AliasNode {
		return "*" + n.Value
	}
	return "&" + n.Anchor
}

// decodeFile decodes one YAML file strictly into the struct v points to and
// reports whether it can be used. Decoding happens from the node tree that
// readYAML checked, so the decoder never meets an alias; the walk over the
// same tree refuses unknown fields and empty list items and records the
// line of every struct that has a Line field.
func (l *loader) decodeFile(fsys fs.FS, name string, v any) bool {
	root, ok := l.readYAML(fsys, name)
	if !ok {
		return false
	}
	if root == nil {
		l.addf(name, 0, "the file is empty")
		return false
	}
	before := len(l.problems)
	if err := root.Decode(v); err != nil {
		l.yamlError(name, err)
	}
	w := walker{l: l, file: name}
	rv := reflect.ValueOf(v)
	w.walk(root, rv.Type(), rv, "")
	return len(l.problems) == before
}

// yamlError turns a parser or decoder error into problems. yaml.v3 gives
// the line only inside its messages ("yaml: line 3: ..."; a TypeError
// holds one "line N: ..." message per value it could not decode).
func (l *loader) yamlError(file string, err error) {
	msgs := []string{err.Error()}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, m := range msgs {
		line, msg := splitLine(m)
		l.addf(file, line, "%s", msg)
	}
}

// splitLine separates "yaml: line N: message" into N and the message; a
// message without a line has line 0.
func splitLine(m string) (int, string) {
	m = strings.TrimPrefix(m, "yaml: ")
	if rest, ok := strings.CutPrefix(m, "line "); ok {
		if num, msg, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				return n, msg
			}
		}
	}
	return 0, m
}

// walker goes over a node tree and the Go value decoded from it side by
// side. It is what the decoder does not do for us: Node.Decode knows no
// strict mode (only Decoder.KnownFields does, and that would parse the
// file a second time), an empty list item decodes silently to nil, and
// the decoder keeps no lines.
type walker struct {
	l    *loader
	file string
}

// walk checks node n against type t. v is the value decoded from n, or
// invalid where the decoded value does not follow the tree (a value the
// decoder refused, or inside a map); lines are set only where it is valid.
// where names the field n belongs to, for messages.
func (w walker) walk(n *yaml.Node, t reflect.Type, v reflect.Value, where string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
		if v.IsValid() {
			if v.IsNil() {
				v = reflect.Value{}
			} else {
				v = v.Elem()
			}
		}
	}
	switch {
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		if v.IsValid() {
			if f := v.FieldByName("Line"); f.CanSet() && f.Kind() == reflect.Int {
				f.SetInt(int64(n.Line))
			}
		}
		fields := yamlFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			idx, ok := fields[key.Value]
			if !ok {
				w.l.addf(w.file, key.Line, "unknown field %q", key.Value)
				continue
			}
			var fv reflect.Value
			if v.IsValid() {
				fv = v.Field(idx)
			}
			w.walk(val, t.Field(idx).Type, fv, key.Value)
		}
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		// The decoder leaves out items it cannot decode, so the slice
		// follows the tree only when nothing was left out.
		if v.IsValid() && v.Len() != len(n.Content) {
			v = reflect.Value{}
		}
		for i, item := range n.Content {
			// The decoder turns an empty item into nil, or drops it
			// from a list of strings; either way it is a slip.
			if item.ShortTag() == "!!null" {
				w.l.addf(w.file, item.Line, "empty item in %s", where)
				continue
			}
			var iv reflect.Value
			if v.IsValid() {
				iv = v.Index(i)
			}
			w.walk(item, t.Elem(), iv, where)
		}
	case t.Kind() == reflect.Map && n.Kind == yaml.MappingNode:
		// Map values are not addressable, so they are only checked.
		for i := 0; i+1 < len(n.Content); i += 2 {
			w.walk(n.Content[i+1], t.Elem(), reflect.Value{}, n.Content[i].Value)
		}
	}
}

// yamlFields maps the keys yaml.v3 decodes into a struct type to the index
// of their field: the name in the yaml tag or, as yaml.v3 does without
// one, the field's name in lower case. Content types use neither inline
// fields nor embedding, so those are not handled.
func yamlFields(t reflect.Type) map[string]int {
	fields := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = strings.ToLower(f.Name)
		}
		fields[name] = i
	}
	return fields
}
