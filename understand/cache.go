package understand

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Option changes how New builds an Index.
type Option func(*options)

type options struct {
	cacheDir string
}

// ModelCache keeps the trained models in dir (made when missing, for the
// user alone: whoever can write to it decides what the bot reads), so
// that the next start of the same binary on the same content reads them
// instead of training them again: training is most of a start-up, and an
// editor runs explain or chat many times in a row, as the tests run the
// binary. An empty dir trains every time. The models hold weights learnt
// from the content's examples only, nothing a person typed.
func ModelCache(dir string) Option {
	return func(o *options) { o.cacheDir = dir }
}

// modelCache is a directory of trained linear models, each in a file
// named by a hash of everything that decided it: the running executable
// (so the training code and its constants are those that run) and the
// model's size, passes, decay and samples (so the content and how its
// words become features are too). A model is either found whole or
// trained: a file that is short, of another size or fails its checksum is
// trained over, and files are renamed into place whole, so that instances
// starting side by side never read half a file.
type modelCache struct {
	dir string
	exe [sha256.Size]byte
}

// executableHash is the hash of the running executable's bytes, or ok
// false when it cannot be read; the key of every cached model begins with
// it.
var executableHash = sync.OnceValues(func() ([sha256.Size]byte, bool) {
	var sum [sha256.Size]byte
	path, err := os.Executable()
	if err != nil {
		return sum, false
	}
	f, err := os.Open(path)
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

// newModelCache returns the cache in dir, or nil when dir is empty or the
// executable cannot be read.
func newModelCache(dir string) *modelCache {
	if dir == "" {
		return nil
	}
	exe, ok := executableHash()
	if !ok {
		return nil
	}
	return &modelCache{dir: dir, exe: exe}
}

// train returns the model trainLinear would train on these arguments:
// from the cache when it holds it, else trained and then kept. Failing to
// keep it costs the next start a training, nothing else, so it is not
// reported.
func (mc *modelCache) train(features, classes, passes int, l2 float64, samples []linearSample) *linear {
	if mc == nil {
		return trainLinear(features, classes, passes, l2, samples)
	}
	path := filepath.Join(mc.dir, mc.key(features, classes, passes, l2, samples)+".model")
	if m := readModel(path, features, classes); m != nil {
		keepFresh(path)
		return m
	}
	m := trainLinear(features, classes, passes, l2, samples)
	if writeModel(path, m) == nil {
		trim(mc.dir)
	}
	return m
}

// unusedFor is how long a model file may go unread before trim removes
// it: every build of the binary and every change of the content trains
// models of its own, and an editor makes many of both.
const unusedFor = 7 * 24 * time.Hour

// keepFresh marks a model file as read now, at most once a day, so that
// trim leaves the models of a binary that is still started.
func keepFresh(path string) {
	if fi, err := os.Stat(path); err == nil && time.Since(fi.ModTime()) > 24*time.Hour {
		now := time.Now()
		_ = os.Chtimes(path, now, now)
	}
}

// trim removes the model files of dir that nothing has read for
// unusedFor, and the half-written files of starts that died while
// writing; it runs after a model was trained and written, so the
// models of the running binary are fresh.
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
		case !strings.HasSuffix(name, ".model"):
			continue // not the cache's
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > old {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}

func (mc *modelCache) key(features, classes, passes int, l2 float64, samples []linearSample) string {
	h := sha256.New()
	h.Write(mc.exe[:])
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
	f, err := os.CreateTemp(filepath.Dir(path), ".model-*")
	if err != nil {
		return err
	}
	_, err = f.Write(buf)
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
