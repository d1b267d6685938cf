package understand

import (
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Option changes how New builds an Index.
type Option func(*options)

type options struct {
	cacheDir string
}

// ModelCache keeps the trained models in dir (made when missing, for the
// user alone: whoever can write to it decides what the bot reads), so
// that the next start on the same content, of this binary or of another
// build with the same trainer, reads them instead of training them
// again: training is most of a start-up, and an editor runs explain or
// chat many times in a row, as the tests run the binary. An empty dir
// trains every time. The models hold weights learnt from the content's
// examples only, nothing a person typed.
func ModelCache(dir string) Option {
	return func(o *options) { o.cacheDir = dir }
}

// modelCache is a directory of trained linear models, each in a file
// named by a hash of everything that decided it: the trainer (see
// trainer) and the model's size, passes, decay and samples (so the
// content and how its words become features are too). Every executable
// with the same trainer reads the models of every other, so that a new
// build of the bot on unchanged content, and each test process, starts
// from the models kept before. A model is either found whole or trained:
// a file that is short, of another size or fails its checksum is trained
// over, and files are renamed into place whole, so that instances
// starting side by side never read half a file.
//
// Computing a key means reading every message of messages/ for its
// features, which is most of a start. So the cache also remembers, under
// a hash of the running executable and of the content's files (inputs)
// and the model's name, which key each model learnt from the whole
// content had: the same executable on the same files makes the same
// samples, and a start that finds that note reads its models without
// reading a message.
type modelCache struct {
	dir     string
	trainer [sha256.Size]byte
	// inputs is the hash of the executable and the content's files; known
	// is false when either could not be had, and every model is then
	// found by its key.
	inputs [sha256.Size]byte
	known  bool
	// trained counts the models trained rather than read, for the tests
	// that show a model was read; read those read (see Index.ModelsRead);
	// recalled those of them found by the note, without their samples.
	trained, read, recalled atomic.Int32
}

// newModelCache returns the cache in dir for the content of the given
// digest (content.Content.Digest, zero when the content was not loaded
// from files), or nil when dir is empty.
func newModelCache(dir string, content [sha256.Size]byte) *modelCache {
	if dir == "" {
		return nil
	}
	mc := &modelCache{dir: dir, trainer: thisTrainer()}
	if exe, ok := executable(); ok && content != [sha256.Size]byte{} {
		h := sha256.New()
		h.Write(exe[:])
		h.Write(content[:])
		h.Sum(mc.inputs[:0])
		mc.known = true
	}
	return mc
}

// executable is the hash of the running executable's file, or false when
// it cannot be read. On Linux /proc/self/exe is the file that runs even
// when another has been put in its place since.
var executable = sync.OnceValues(func() ([sha256.Size]byte, bool) {
	var sum [sha256.Size]byte
	name := "/proc/self/exe"
	if runtime.GOOS != "linux" {
		var err error
		if name, err = os.Executable(); err != nil {
			return sum, false
		}
	}
	f, err := os.Open(name)
	if err != nil {
		return sum, false
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, false
	}
	h.Sum(sum[:0])
	return sum, true
})

// The code that decides a model's weights besides its inputs: linear.go
// holds trainLinear, probs and their constants, cache.go the file format
// (and the key). A change to either, even one that leaves the weights as
// they were, costs one training, nothing else.
//
//go:embed linear.go
var linearSource []byte

//go:embed cache.go
var cacheSource []byte

// trainer is what decides a model besides the inputs in its key.
type trainer struct {
	// source is the code of the training and of the file format.
	source [][]byte
	// goVersion is the compiler and standard library: another may
	// compile the same arithmetic to other instructions (a fused
	// multiply-add), or compute math.Exp another way.
	goVersion string
	// arch is GOARCH and the build settings that choose its
	// instructions (GOAMD64, GOARM64, ..., -gcflags): floating point may
	// round differently on another.
	arch []string
	// exp are the bits of math.Exp at a few points: on amd64 it takes
	// another path on a processor with fused multiply-add, whose results
	// differ in the last bit at some points. The float32 weights seldom
	// show it, but nothing promises that a model trained on another
	// machine of the same GOARCH is the one this machine trains.
	exp []uint64
}

// archSettings are the build settings that choose the instructions of an
// architecture, besides GOARCH.
var archSettings = []string{"GO386", "GOAMD64", "GOARM", "GOARM64", "GOMIPS", "GOMIPS64", "GOPPC64", "GORISCV64", "GOWASM", "-gcflags"}

// thisTrainer is the hash of the running executable's trainer.
var thisTrainer = sync.OnceValue(func() [sha256.Size]byte { return currentTrainer().hash() })

// currentTrainer is the trainer of the running executable.
func currentTrainer() trainer {
	t := trainer{source: [][]byte{linearSource, cacheSource}, goVersion: runtime.Version(), arch: []string{runtime.GOARCH}}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if slices.Contains(archSettings, s.Key) {
				t.arch = append(t.arch, s.Key+"="+s.Value)
			}
		}
	}
	// Points over the range the training's logistic and softmax meet.
	for i := range 64 {
		t.exp = append(t.exp, math.Float64bits(math.Exp(-20+float64(i)*0.3321)))
	}
	return t
}

// hash is the trainer's part of every key: each list and each part
// prefixed with its length, so that no two trainers give the same bytes.
func (t trainer) hash() [sha256.Size]byte {
	h := sha256.New()
	var buf []byte
	word := func(v uint64) {
		buf = binary.LittleEndian.AppendUint64(buf[:0], v)
		h.Write(buf)
	}
	length := func(n int) { word(uint64(n)) }
	part := func(b []byte) {
		length(len(b))
		h.Write(b)
	}
	length(len(t.source))
	for _, s := range t.source {
		part(s)
	}
	part([]byte(t.goVersion))
	length(len(t.arch))
	for _, a := range t.arch {
		part([]byte(a))
	}
	length(len(t.exp))
	for _, e := range t.exp {
		word(e)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// train returns the model trainLinear would train on these arguments and
// the samples made by samples: from the cache when it holds it, else
// trained and then kept. name names the model in a note of its key, ""
// for none: only a model learnt from the content as loaded has one, as
// the content's files and the executable then decide its samples, and
// samples is not called when its note says the key. Failing to keep a
// model or a note costs the next start a training or a reading of the
// messages, nothing else, so it is not reported.
func (mc *modelCache) train(features, classes, passes int, l2 float64, name string, samples func() []linearSample) *linear {
	if mc == nil {
		return trainLinear(features, classes, passes, l2, samples())
	}
	note := mc.note(features, classes, passes, l2, name)
	if note != "" {
		if m := mc.recall(note, features, classes); m != nil {
			mc.read.Add(1)
			mc.recalled.Add(1)
			return m
		}
	}
	s := samples()
	key := mc.key(features, classes, passes, l2, s)
	path := filepath.Join(mc.dir, key+".model")
	m := readModel(path, features, classes)
	if m != nil {
		keepFresh(path)
		mc.read.Add(1)
	} else {
		m = trainLinear(features, classes, passes, l2, s)
		mc.trained.Add(1)
		if writeModel(path, m) == nil {
			trim(mc.dir)
		}
	}
	if note != "" {
		_ = writeFile(note, []byte(key))
	}
	return m
}

// note is the path of the file that says the key of the model name
// trained on these arguments, or "" when there is none to be had.
func (mc *modelCache) note(features, classes, passes int, l2 float64, name string) string {
	if !mc.known || name == "" {
		return ""
	}
	h := sha256.New()
	h.Write(mc.trainer[:])
	h.Write(mc.inputs[:])
	var buf []byte
	for _, v := range []uint64{uint64(features), uint64(classes), uint64(passes), math.Float64bits(l2), uint64(len(name))} {
		buf = binary.LittleEndian.AppendUint64(buf, v)
	}
	h.Write(buf)
	h.Write([]byte(name))
	return filepath.Join(mc.dir, hex.EncodeToString(h.Sum(nil))+".key")
}

// recall returns the model whose key the note holds, when the note and
// the model are both whole, else nil.
func (mc *modelCache) recall(note string, features, classes int) *linear {
	key, err := os.ReadFile(note)
	if err != nil || len(key) != 2*sha256.Size {
		return nil
	}
	if _, err := hex.DecodeString(string(key)); err != nil {
		return nil
	}
	path := filepath.Join(mc.dir, string(key)+".model")
	m := readModel(path, features, classes)
	if m != nil {
		keepFresh(path)
		keepFresh(note)
	}
	return m
}

// ModelsRead is how many of the understanding's models were read from
// the model cache rather than trained when x was built: how an operator
// knows that a start skipped the training.
func (x *Index) ModelsRead() int {
	if x == nil || x.u == nil || x.u.models == nil {
		return 0
	}
	return int(x.u.models.read.Load())
}

// unusedFor is how long a model file may go unread before trim removes
// it: every change of the content or of the trainer trains models of its
// own, and an editor makes many.
const unusedFor = 7 * 24 * time.Hour

// keepFresh marks a model file as read now, at most once a day, so that
// trim leaves the models that are still read.
func keepFresh(path string) {
	if fi, err := os.Stat(path); err == nil && time.Since(fi.ModTime()) > 24*time.Hour {
		now := time.Now()
		_ = os.Chtimes(path, now, now)
	}
}

// trim removes the model files and notes of dir that nothing has read
// for unusedFor, and the half-written files of starts that died while
// writing; it runs after a model was trained and written, so the
// models being read are fresh.
func trim(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		old := unusedFor
		switch {
		case strings.HasPrefix(name, ".model-"):
			old = time.Hour
		case !strings.HasSuffix(name, ".model") && !strings.HasSuffix(name, ".key"):
			continue // not the cache's
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > old {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}

func (mc *modelCache) key(features, classes, passes int, l2 float64, samples []linearSample) string {
	h := sha256.New()
	h.Write(mc.trainer[:])
	var buf []byte
	buf = binary.LittleEndian.AppendUint64(buf, uint64(features))
	buf = binary.LittleEndian.AppendUint64(buf, uint64(classes))
	buf = binary.LittleEndian.AppendUint64(buf, uint64(passes))
	buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(l2))
	buf = binary.LittleEndian.AppendUint64(buf, uint64(len(samples)))
	for _, s := range samples {
		buf = binary.LittleEndian.AppendUint64(buf, uint64(s.class))
		buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(s.weight))
		buf = binary.LittleEndian.AppendUint64(buf, uint64(len(s.ids)))
		for _, id := range s.ids {
			buf = binary.LittleEndian.AppendUint32(buf, id)
		}
		if len(buf) > 1<<16 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))
}

// A model file is its weights and biases as little-endian float32s,
// followed by the CRC-32 (Castagnoli) of those bytes.
var modelTable = crc32.MakeTable(crc32.Castagnoli)

func writeModel(path string, m *linear) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	buf := make([]byte, 0, 4*(len(m.w)+len(m.bias))+4)
	for _, w := range m.w {
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(w))
	}
	for _, b := range m.bias {
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(b))
	}
	buf = binary.LittleEndian.AppendUint32(buf, crc32.Checksum(buf, modelTable))
	return writeFile(path, buf)
}

// writeFile puts b in path whole: written beside it under a name trim
// knows, then renamed into place.
func writeFile(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".model-*")
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// readModel returns the model in path when it is whole and of the given
// size, else nil.
func readModel(path string, features, classes int) *linear {
	buf, err := os.ReadFile(path)
	n := classes*features + classes
	if err != nil || len(buf) != 4*n+4 {
		return nil
	}
	body, sum := buf[:4*n], binary.LittleEndian.Uint32(buf[4*n:])
	if crc32.Checksum(body, modelTable) != sum {
		return nil
	}
	m := &linear{classes: classes, w: make([]float32, classes*features), bias: make([]float32, classes)}
	for i := range m.w {
		m.w[i] = math.Float32frombits(binary.LittleEndian.Uint32(body[4*i:]))
	}
	body = body[4*len(m.w):]
	for i := range m.bias {
		m.bias[i] = math.Float32frombits(binary.LittleEndian.Uint32(body[4*i:]))
	}
	return m
}
