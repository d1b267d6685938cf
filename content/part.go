package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
)

// Part is a file of the content whose shape another package owns, such as
// understand.yaml, which package understand decodes and checks. Content
// does not know what such a file says, but Load reads and checks it with
// its own files, so that a content editor gets every problem of every file
// at once, in file and line order, and the problems of decoding any file
// before any other check, whichever package owns the file.
type Part interface {
	// File is the part's file in the content directory, or its
	// directory (see Checker.Files). A part is optional: when the
	// content has no such file, neither Decode nor Validate is called.
	File() string
	// Decode reads the file, with k.Decode, and keeps what it decoded.
	Decode(k *Checker)
	// Validate checks what Decode kept against the rest of the content.
	// It is called only when every file decoded without problems, after
	// the flows, contacts and texts were checked, so that what they
	// define can be looked up (Flow.State, for instance).
	Validate(c *Content, k *Checker)
}

// Checker is how a Part reads its file and reports what is wrong with it:
// in Load's list of problems, at the part's file and a line (0 for the
// file as a whole), and against the texts and contacts of the content.
type Checker struct {
	l    *loader
	fsys fs.FS
	file string
}

// readParts decodes the parts whose files the content has, and keeps them
// for validation.
func (l *loader) readParts(fsys fs.FS, parts []Part) {
	for _, p := range parts {
		if _, err := fs.Stat(fsys, p.File()); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		l.parts = append(l.parts, p)
		p.Decode(&Checker{l: l, fsys: fsys, file: p.File()})
	}
}

// validateParts checks the parts that were decoded.
func (l *loader) validateParts() {
	for _, p := range l.parts {
		p.Validate(l.c, &Checker{l: l, file: p.File()})
	}
}

// File is the part's file.
func (k *Checker) File() string { return k.file }

// PartFile is one file of a part that is a directory.
type PartFile struct {
	Name string // its path in the content directory
	Data []byte
}

// maxPartFiles bounds the files of a part that is a directory, so that
// content with a stray directory of thousands of files is refused, not
// read at every start. messages/ grows by a file a round; two rounds are
// added at a time.
const maxPartFiles = 1024

// Files reads the files of a part that is a directory (its data is not
// YAML, such as lines of text), in name order, each as Load reads its own
// files: one over 1 MiB is a problem. It reports whether they can all be
// used.
func (k *Checker) Files() ([]PartFile, bool) {
	ents, err := fs.ReadDir(k.fsys, k.file)
	if err != nil {
		k.l.addf(k.file, 0, "%v", err)
		return nil, false
	}
	if len(ents) > maxPartFiles {
		k.l.addf(k.file, 0, "%d files, at most %d may be in it", len(ents), maxPartFiles)
		return nil, false
	}
	var out []PartFile
	ok := true
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		name := path.Join(k.file, e.Name())
		b, good := k.l.readFile(k.fsys, name)
		ok = ok && good
		out = append(out, PartFile{Name: name, Data: b})
	}
	return out, ok
}

// ErrorfAt reports a problem at a line of one of the files of a part
// that is a directory.
func (k *Checker) ErrorfAt(file string, line int, format string, args ...any) {
	k.l.addf(file, line, format, args...)
}

// Decode decodes the part's file into the struct v points to, as strictly
// as Load decodes its own files: a file over 1 MiB, an alias, an unknown
// field and an empty list item are problems, and every struct with a Line
// field gets the line it stands on. It reports whether v can be used.
func (k *Checker) Decode(v any) bool { return k.l.decodeFile(k.fsys, k.file, v) }

// Errorf reports a problem at a line of the part's file: the content
// cannot be used.
func (k *Checker) Errorf(line int, format string, args ...any) {
	k.l.addf(k.file, line, format, args...)
}

// Warnf reports a problem that does not stop the bot (Content.Warnings).
func (k *Checker) Warnf(line int, format string, args ...any) {
	k.l.warnings = append(k.l.warnings, Problem{File: k.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Text reports, at line, a text key that the default language does not
// define; other languages are compared with it as a whole.
func (k *Checker) Text(line int, key string) { k.l.useText(k.file, line, key) }

// Contact reports, at line, a contact id that contacts.yaml does not
// define.
func (k *Checker) Contact(line int, id string) { k.l.useContact(k.file, line, id) }
