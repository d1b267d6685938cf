package bot

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"signaal/store"
)

// ExitJournal is a file that remembers the quick exits the session store
// could not carry out yet, so that a restart does not forget them: a
// conversation someone left must not come back because the process that
// heard them leave has gone. It holds only session keys, HMACs that name
// nobody without the secret, and the times of the exits.
//
// Each change rewrites the whole file, through a temporary file that is
// synced and renamed over it, so that a crash leaves the old journal or
// the new one, never half of one. The file is small: it holds only the
// exits of one outage, at most maxPending of them. One process uses one
// journal; two instances sharing a file would overwrite each other's
// exits.
type ExitJournal struct {
	// Path is the journal's file. Its directory must exist and be
	// writable; the file is made on the first exit that needs it.
	Path string

	mu sync.Mutex
	// m is the journal as last read or written; nil until then.
	m map[store.Key]time.Time
}

// journalHeader opens the file, so that whoever finds it knows what it is.
const journalHeader = "# signaal: quick exits not carried out yet; a session key (an HMAC) and the time of the exit a line\n"

// Load reads the journal: the time of each exit, by session key. A missing
// file is an empty journal. When the file cannot be read, Load returns nil
// and the error. A line that cannot be read is skipped and reported in the
// error, which then comes with every exit that could be read: a damaged
// line must not cost the others.
func (j *ExitJournal) Load() (map[store.Key]time.Time, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	m, err := j.read()
	if m == nil {
		return nil, err
	}
	j.m = m
	return cloneExits(m), err
}

// Add records an exit of key at at, replacing an earlier one of the key.
func (j *ExitJournal) Add(key store.Key, at time.Time) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if err := j.init(); err != nil {
		return err
	}
	next := cloneExits(j.m)
	next[key] = at
	return j.write(next)
}

// Remove forgets the exits of keys; keys the journal does not hold are
// ignored. The file is written even when nothing changed, so that Remove()
// drops damaged lines and shows that the journal can be written.
func (j *ExitJournal) Remove(keys ...store.Key) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if err := j.init(); err != nil {
		return err
	}
	next := cloneExits(j.m)
	for _, k := range keys {
		delete(next, k)
	}
	return j.write(next)
}

// init reads the file once, before the first change, so that a change
// never drops the exits written before this process started.
func (j *ExitJournal) init() error {
	if j.m != nil {
		return nil
	}
	m, err := j.read()
	if m == nil {
		return err
	}
	// Damaged lines are dropped by the next write; the exits that could be
	// read are kept.
	j.m = m
	return nil
}

// read parses the file; m is nil only when the file could not be read.
func (j *ExitJournal) read() (map[store.Key]time.Time, error) {
	b, err := os.ReadFile(j.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[store.Key]time.Time{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("exit journal: %w", err)
	}
	m := map[store.Key]time.Time{}
	var bad []int
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, at, ok := strings.Cut(line, " ")
		nanos, err := strconv.ParseInt(at, 10, 64)
		if !ok || key == "" || strings.ContainsAny(key, " \t") || err != nil {
			bad = append(bad, n)
			continue
		}
		if t := time.Unix(0, nanos); t.After(m[store.Key(key)]) {
			m[store.Key(key)] = t
		}
	}
	if len(bad) > 0 {
		return m, fmt.Errorf("exit journal %s: lines %v unreadable, skipped", j.Path, bad)
	}
	return m, nil
}

// write replaces the file with m, and j.m with m once it is on disk.
func (j *ExitJournal) write(m map[store.Key]time.Time) error {
	var b bytes.Buffer
	b.WriteString(journalHeader)
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Fprintf(&b, "%s %d\n", k, m[k].UnixNano())
	}
	if err := writeFileSynced(j.Path, b.Bytes()); err != nil {
		return fmt.Errorf("exit journal: %w", err)
	}
	j.m = m
	return nil
}

// writeFileSynced replaces path with data: a temporary file beside it is
// written, synced and renamed over it, and the directory synced, so that
// the new content survives a crash or power loss once it returns.
func writeFileSynced(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return nil // renamed; only the directory's sync is lost
	}
	defer d.Close()
	_ = d.Sync()
	return nil
}

// cloneExits copies m; never nil.
func cloneExits(m map[store.Key]time.Time) map[store.Key]time.Time {
	if m == nil {
		return map[store.Key]time.Time{}
	}
	return maps.Clone(m)
}
