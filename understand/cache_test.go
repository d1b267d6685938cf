package understand

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// cacheSamples is a small training set: two classes over six features.
func cacheSamples() []linearSample {
	return []linearSample{
		{ids: []uint32{0, 1}, class: 0, weight: 1},
		{ids: []uint32{2, 3}, class: 1, weight: 1},
		{ids: []uint32{1, 4}, class: 0, weight: 2},
		{ids: []uint32{3, 5}, class: 1, weight: 1},
	}
}

func modelFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.model"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestModelCacheKeepsAndReads checks that a model is trained and kept on
// the first call, read back (not trained again) on the next, and trained
// over when its file is damaged.
func TestModelCacheKeepsAndReads(t *testing.T) {
	const features, classes, passes, l2 = 6, 2, 5, 1e-4
	mc := newModelCache(t.TempDir(), [32]byte{})
	if mc == nil {
		t.Fatal("newModelCache(dir) = nil, want a cache")
	}
	want := trainLinear(features, classes, passes, l2, cacheSamples())

	got := mc.train(features, classes, passes, l2, "", cacheSamples)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("train on an empty cache = %+v, want the trained model %+v", got, want)
	}
	files := modelFiles(t, mc.dir)
	if len(files) != 1 {
		t.Fatalf("cache holds %v after one training, want one model file", files)
	}

	// Another model under the same key must be what the next call returns:
	// it reads the file instead of training.
	other := &linear{classes: classes, w: make([]float32, features*classes), bias: []float32{7, -7}}
	if err := writeModel(files[0], other); err != nil {
		t.Fatal(err)
	}
	twoDaysAgo := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(files[0], twoDaysAgo, twoDaysAgo); err != nil {
		t.Fatal(err)
	}
	if got := mc.train(features, classes, passes, l2, "", cacheSamples); !reflect.DeepEqual(got, other) {
		t.Errorf("train on a kept model = %+v, want the kept model %+v", got, other)
	}
	// Read, it is kept from trim for another week.
	if fi, err := os.Stat(files[0]); err != nil || !fi.ModTime().After(twoDaysAgo.Add(time.Hour)) {
		t.Errorf("a model read two days after it was written still looks unread since then (%v, %v)", fi.ModTime(), err)
	}

	body, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte(nil), body...)
	flipped[0] ^= 1
	for _, c := range []struct {
		name string
		file []byte
	}{
		{"short", body[:len(body)-5]},
		{"bit flipped", flipped},
		{"empty", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := os.WriteFile(files[0], c.file, 0o600); err != nil {
				t.Fatal(err)
			}
			if got := mc.train(features, classes, passes, l2, "", cacheSamples); !reflect.DeepEqual(got, want) {
				t.Errorf("train on a %s file = %+v, want the model trained again %+v", c.name, got, want)
			}
			if m := readModel(files[0], features, classes); !reflect.DeepEqual(m, want) {
				t.Errorf("after training over a %s file, the file holds %+v, want the trained model", c.name, m)
			}
		})
	}
}

// TestModelCacheKey checks that every input that decides a model decides
// its key too, the trainer's code, Go's version and the machine's
// floating point among them, so that a model is never read for other
// content, sizes or training.
func TestModelCacheKey(t *testing.T) {
	mc := &modelCache{dir: t.TempDir()}
	type args struct {
		features, classes, passes int
		l2                        float64
		samples                   []linearSample
		trainer                   trainer
	}
	base := args{6, 2, 5, 1e-4, cacheSamples(), currentTrainer()}
	key := func(a args) string {
		mc.trainer = a.trainer.hash()
		return mc.key(a.features, a.classes, a.passes, a.l2, a.samples)
	}
	baseKey := key(base)
	if again := key(base); again != baseKey {
		t.Fatalf("key of the same inputs = %s, then %s; want one key", baseKey, again)
	}
	if k := newModelCache(t.TempDir(), [32]byte{}).key(6, 2, 5, 1e-4, cacheSamples()); k != baseKey {
		t.Fatalf("newModelCache(dir).key(inputs) = %s, want %s, the key with the running trainer", k, baseKey)
	}
	// edited is the trainer's code with a line added to file i.
	edited := func(a *args, i int) {
		a.trainer.source = slices.Clone(a.trainer.source)
		a.trainer.source[i] = append(slices.Clip(a.trainer.source[i]), '\n')
	}
	for _, c := range []struct {
		name   string
		change func(*args)
	}{
		{"another training (linear.go)", func(a *args) { edited(a, 0) }},
		{"another file format (cache.go)", func(a *args) { edited(a, 1) }},
		{"another Go", func(a *args) { a.trainer.goVersion = "go1.99" }},
		{"another GOARCH", func(a *args) { a.trainer.arch = append([]string{"arm64"}, a.trainer.arch[1:]...) }},
		{"another GOAMD64", func(a *args) { a.trainer.arch = append(slices.Clone(a.trainer.arch), "GOAMD64=v3") }},
		{"another math.Exp", func(a *args) {
			a.trainer.exp = slices.Clone(a.trainer.exp)
			a.trainer.exp[7] ^= 1
		}},
		{"more features", func(a *args) { a.features = 7 }},
		{"more classes", func(a *args) { a.classes = 3 }},
		{"more passes", func(a *args) { a.passes = 6 }},
		{"another decay", func(a *args) { a.l2 = 2e-4 }},
		{"a sample fewer", func(a *args) { a.samples = a.samples[:3] }},
		{"a sample's class", func(a *args) { a.samples[0].class = 1 }},
		{"a sample's weight", func(a *args) { a.samples[2].weight = 1 }},
		{"a sample's feature", func(a *args) { a.samples[1].ids[0] = 4 }},
		{"features moved between samples", func(a *args) {
			a.samples[0].ids = []uint32{0}
			a.samples[1].ids = []uint32{1, 2, 3}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := base
			a.samples = cacheSamples()
			c.change(&a)
			if k := key(a); k == baseKey {
				t.Errorf("key with %s = %s, the key of the unchanged inputs", c.name, k)
			}
		})
	}
}

// TestModelCacheTrainer checks that the trainer in every key is the one
// that runs: the code that trains and reads a model, this Go and this
// GOARCH, and math.Exp as it computes here.
func TestModelCacheTrainer(t *testing.T) {
	tr := currentTrainer()
	for _, c := range []struct {
		file   int
		holds  string
		reason string
	}{
		{0, "func trainLinear(", "the training"},
		{0, "func (m *linear) probs(", "the probabilities it learns from"},
		{0, "linearRate = ", "the training's step"},
		{0, "minGradient = ", "the least error that still moves a weight"},
		{1, "func readModel(", "how a model is read"},
		{1, "func writeModel(", "how a model is written"},
	} {
		if !bytes.Contains(tr.source[c.file], []byte(c.holds)) {
			t.Errorf("the trainer's source %d lacks %q (%s)", c.file, c.holds, c.reason)
		}
	}
	if tr.goVersion != runtime.Version() {
		t.Errorf("trainer's Go = %q, want %q", tr.goVersion, runtime.Version())
	}
	if len(tr.arch) == 0 || tr.arch[0] != runtime.GOARCH {
		t.Errorf("trainer's arch = %q, want GOARCH %q first", tr.arch, runtime.GOARCH)
	}
	if runtime.GOARCH == "amd64" && !slices.ContainsFunc(tr.arch, func(s string) bool { return strings.HasPrefix(s, "GOAMD64=") }) {
		t.Errorf("trainer's arch = %q, want GOAMD64 among them", tr.arch)
	}
	if len(tr.exp) == 0 || tr.exp[0] != math.Float64bits(math.Exp(-20)) {
		t.Errorf("trainer's math.Exp = %v, want its bits here from Exp(-20) on", tr.exp)
	}
	if thisTrainer() != tr.hash() {
		t.Errorf("thisTrainer() differs from the hash of the running trainer")
	}
}

// TestModelCacheTrims checks that training a model removes the models
// nobody has read for a week and half-written files, and keeps the rest
// and every file that is not the cache's.
func TestModelCacheTrims(t *testing.T) {
	mc := newModelCache(t.TempDir(), [32]byte{})
	now := time.Now()
	files := []struct {
		name string
		age  time.Duration
		kept bool
	}{
		{"unread.model", 8 * 24 * time.Hour, false},
		{"read-this-week.model", 6 * 24 * time.Hour, true},
		{"unread.key", 8 * 24 * time.Hour, false},
		{"read-this-week.key", 6 * 24 * time.Hour, true},
		{".model-123", 2 * time.Hour, false},
		{".model-456", time.Minute, true}, // another start writing it now
		{"notes.txt", 30 * 24 * time.Hour, true},
	}
	for _, f := range files {
		path := filepath.Join(mc.dir, f.name)
		if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, now.Add(-f.age), now.Add(-f.age)); err != nil {
			t.Fatal(err)
		}
	}
	mc.train(6, 2, 5, 1e-4, "", cacheSamples)
	for _, f := range files {
		_, err := os.Stat(filepath.Join(mc.dir, f.name))
		if kept := err == nil; kept != f.kept {
			t.Errorf("%s, last written %s ago: kept = %v, want %v", f.name, f.age, kept, f.kept)
		}
	}
	if n := len(modelFiles(t, mc.dir)); n != 2 {
		t.Errorf("cache holds %d models, want 2: the one trained and the one read this week", n)
	}
}

// TestModelCacheNote checks that a model whose key a note says is read
// without making its samples, and that every other case makes them:
// another model, other content or executable, no note asked, a damaged
// note, a note whose model is gone, content not loaded from files. Only
// models learnt from the whole content are noted: those learnt from some
// of its messages (the held-out tests' folds) ask for no note.
func TestModelCacheNote(t *testing.T) {
	const features, classes, passes, l2 = 6, 2, 5, 1e-4
	want := trainLinear(features, classes, passes, l2, cacheSamples())
	dir := t.TempDir()
	content := [32]byte{1}
	mc := newModelCache(dir, content)
	if !mc.known {
		t.Skip("the running executable cannot be read: no notes")
	}
	made1 := 0
	samples := func() []linearSample {
		made1++
		return cacheSamples()
	}
	train := func(mc *modelCache, name string) *linear {
		t.Helper()
		made1 = 0
		m := mc.train(features, classes, passes, l2, name, samples)
		if !reflect.DeepEqual(m, want) {
			t.Fatalf("train = %+v, want %+v", m, want)
		}
		return m
	}
	notes := func() []string {
		files, _ := filepath.Glob(filepath.Join(dir, "*.key"))
		return files
	}

	train(mc, "a")
	if made1 != 1 || mc.trained.Load() != 1 || len(notes()) != 1 {
		t.Fatalf("first training made the samples %d times, trained %d models, left notes %v; want 1, 1, one note", made1, mc.trained.Load(), notes())
	}
	for _, c := range []struct {
		name     string
		mc       *modelCache
		model    string
		before   func()
		makes    bool
		recalled bool
	}{
		{"the same again", mc, "a", nil, false, true},
		{"another restart", newModelCache(dir, content), "a", nil, false, true},
		{"another model", mc, "b", nil, true, false},
		{"other content", newModelCache(dir, [32]byte{2}), "a", nil, true, false},
		{"no note asked", mc, "", nil, true, false},
		{"content not from files", newModelCache(dir, [32]byte{}), "a", nil, true, false},
		{"a damaged note", mc, "a", func() {
			for _, n := range notes() {
				if err := os.WriteFile(n, []byte("not a key"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
		}, true, false},
		{"a note whose model is gone", mc, "a", func() {
			for _, f := range modelFiles(t, dir) {
				os.Remove(f)
			}
		}, true, false},
		{"the note written again", mc, "a", nil, false, true},
	} {
		if c.before != nil {
			c.before()
		}
		recalled := c.mc.recalled.Load()
		train(c.mc, c.model)
		if got := made1 == 1; got != c.makes {
			t.Errorf("%s: samples made = %v, want %v", c.name, got, c.makes)
		}
		if got := c.mc.recalled.Load() > recalled; got != c.recalled {
			t.Errorf("%s: recalled by the note = %v, want %v", c.name, got, c.recalled)
		}
	}
}

// TestNoteOnlyForTheWholeContent checks that only models learnt from the
// whole content are named for a note: a model learnt from some of its
// messages (a held-out fold) must never be read for the whole one's.
func TestNoteOnlyForTheWholeContent(t *testing.T) {
	u := &understander{}
	if got := u.noteName("danger"); got != "" {
		t.Errorf("noteName outside the whole content's training = %q, want none", got)
	}
	u.whole = true
	if got := u.noteName("danger"); got != "danger" {
		t.Errorf("noteName while the whole content trains = %q, want danger", got)
	}
}

// TestNoModelCache checks that an empty directory keeps nothing and
// trains every time.
func TestNoModelCache(t *testing.T) {
	mc := newModelCache("", [32]byte{})
	if mc != nil {
		t.Fatalf("newModelCache(\"\") = %+v, want none", mc)
	}
	want := trainLinear(6, 2, 5, 1e-4, cacheSamples())
	if got := mc.train(6, 2, 5, 1e-4, "", cacheSamples); !reflect.DeepEqual(got, want) {
		t.Errorf("train without a cache = %+v, want %+v", got, want)
	}
}

// TestCachedUnderstandingIsTheTrainedOne trains the shipped understanding
// afresh, without a cache, and checks that the one built again from the
// tests' model cache (keptIndex) read every model from it rather than
// training, that its models are those trained, weight for weight, and
// that it reads messages as the trained one does. The models in the cache
// may be another process's: the key says they were trained on the same
// content by the same trainer.
func TestCachedUnderstandingIsTheTrainedOne(t *testing.T) {
	SkipUnderRace(t)
	s, err := builtIndex()
	if err != nil {
		t.Fatal(err)
	}
	if s.cache == "" {
		t.Skip("no user cache directory: the tests keep no models")
	}
	spec := s.spec
	fresh := New(s.x.c, spec)
	cached := keptIndex(t)
	if n := cached.u.models.trained.Load(); n != 0 {
		t.Errorf("the index built from the cache %s trained %d models, want all 4 read", s.cache, n)
	}
	// The shared index left notes of the keys of the three models of
	// messages (or read them): a restart of the same executable on the
	// same content reads those models without reading a message.
	if n := cached.u.models.recalled.Load(); cached.u.models.known && n != 3 {
		t.Errorf("the index built from the cache %s found %d models by their notes, want the 3 learnt from messages", s.cache, n)
	}
	for _, m := range []struct {
		name      string
		got, want *linear
	}{
		{"intents", cached.u.model.m, fresh.u.model.m},
		{"danger", cached.u.dangerModel.m, fresh.u.dangerModel.m},
		{"contact", cached.u.askModel.m, fresh.u.askModel.m},
		{"topic", cached.u.topicModel.m, fresh.u.topicModel.m},
	} {
		if !reflect.DeepEqual(m.got, m.want) {
			t.Errorf("the %s model read from the cache differs from the one trained", m.name)
		}
	}
	for i, m := range spec.Messages {
		if i%20 != 0 {
			continue // the models are compared whole above
		}
		if want, got := fresh.Understand(m.Lang, m.Text), cached.Understand(m.Lang, m.Text); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:%d: Understand(%q) from kept models = %+v, want %+v", m.File, m.Line, m.Text, got, want)
		}
	}
}
