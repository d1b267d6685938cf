package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

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
	// Categories order the contacts when all of them are listed.
	Categories []*Category `yaml:"categories"`
	Contacts   []*Contact  `yaml:"contacts"`
}

// Emergency and Safety are the contact lists of contacts.yaml; see contactsDoc.
func (c *Content) Emergency() []string { return c.emergency }

// Safety is the safety card's contacts; see contactsDoc.
func (c *Content) Safety() []string { return c.safety }

// Load reads a content directory (flows/*.yaml, texts/<lang>.yaml,
// contacts.yaml and, when present, search.yaml), decodes every file
// strictly and validates the whole. When
// anything is wrong it returns Problems listing all of it with file and line.
func Load(fsys fs.FS) (*Content, error) {
	l := &loader{c: &Content{
		Flows:    map[string]*Flow{},
		Texts:    map[string]map[string]string{},
		Contacts: map[string]*Contact{},
	}, textLines: map[string]map[string]int{}}
	l.readTexts(fsys)
	l.readContacts(fsys)
	l.readSearch(fsys)
	l.readFlows(fsys)
	if len(l.problems) == 0 {
		// Validation needs well-formed files; a decoding problem already
		// says where to look first.
		l.validate()
	}
	if len(l.problems) > 0 {
		return nil, l.problems.sorted()
	}
	l.c.Warnings = l.warnings.sorted()
	return l.c, nil
}

type loader struct {
	c         *Content
	textLines map[string]map[string]int // lang -> key -> line
	problems  Problems
	warnings  Problems
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
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			l.addf(name, 0, "%v", err)
			continue
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(b, &doc); err != nil {
			l.yamlError(name, err)
			continue
		}
		texts, lines := map[string]string{}, map[string]int{}
		if len(doc.Content) == 1 {
			m := doc.Content[0]
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
		if ct == nil {
			continue
		}
		if prev, dup := l.c.Contacts[ct.ID]; dup {
			l.addf(contactsFile, ct.Line, "contact %q is defined twice (first on line %d)", ct.ID, prev.Line)
			continue
		}
		l.c.Contacts[ct.ID] = ct
		l.c.ContactOrder = append(l.c.ContactOrder, ct.ID)
	}
	l.c.emergency, l.c.safety = doc.Emergency, doc.Safety
	for _, cat := range doc.Categories {
		if cat != nil {
			l.c.Categories = append(l.c.Categories, cat)
		}
	}
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

// decodeFile decodes one YAML file strictly into v and reports whether it
// could be used.
func (l *loader) decodeFile(fsys fs.FS, name string, v any) bool {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		l.addf(name, 0, "%v", err)
		return false
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		l.yamlError(name, err)
		return false
	}
	return true
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlError turns a decoder error into problems with line numbers.
func (l *loader) yamlError(file string, err error) {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	for _, m := range msgs {
		if sub := yamlLine.FindStringSubmatch(m); sub != nil {
			n, _ := strconv.Atoi(sub[1])
			l.addf(file, n, "%s", sub[2])
			continue
		}
		l.addf(file, 0, "%s", strings.TrimPrefix(m, "yaml: "))
	}
}

// The types below record the line they start on. yaml.v3 does not carry
// KnownFields into custom unmarshalers, so strictNode checks the keys itself.

func (s *State) UnmarshalYAML(n *yaml.Node) error {
	type plain State
	s.Line = n.Line
	return strictNode(n, (*plain)(s))
}

func (o *Option) UnmarshalYAML(n *yaml.Node) error {
	type plain Option
	o.Line = n.Line
	return strictNode(n, (*plain)(o))
}

func (b *Branch) UnmarshalYAML(n *yaml.Node) error {
	type plain Branch
	b.Line = n.Line
	return strictNode(n, (*plain)(b))
}

func (c *Contact) UnmarshalYAML(n *yaml.Node) error {
	type plain Contact
	c.Line = n.Line
	return strictNode(n, (*plain)(c))
}

func (r *ReportItem) UnmarshalYAML(n *yaml.Node) error {
	type plain ReportItem
	r.Line = n.Line
	return strictNode(n, (*plain)(r))
}

func (s *Schedule) UnmarshalYAML(n *yaml.Node) error {
	type plain Schedule
	s.Line = n.Line
	return strictNode(n, (*plain)(s))
}

func (c *Category) UnmarshalYAML(n *yaml.Node) error {
	type plain Category
	c.Line = n.Line
	return strictNode(n, (*plain)(c))
}

// strictNode decodes a mapping node into the struct v points to, refusing
// keys that no field of v names.
func strictNode(n *yaml.Node, v any) error {
	var errs []string
	if n.Kind == yaml.MappingNode {
		t := reflect.TypeOf(v).Elem()
		known := map[string]bool{}
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if name != "" && name != "-" {
				known[name] = true
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; !known[k.Value] {
				errs = append(errs, fmt.Sprintf("line %d: unknown field %q", k.Line, k.Value))
			}
		}
	}
	if err := n.Decode(v); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return err
		}
		errs = append(errs, te.Errors...)
	}
	if len(errs) > 0 {
		return &yaml.TypeError{Errors: errs}
	}
	return nil
}
