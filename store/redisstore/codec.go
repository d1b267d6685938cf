package redisstore

import (
	"encoding/binary"
	"fmt"
	"math"
	"time"

	"signaal/flows"
	"signaal/store"
)

// The stored value of a session is one Redis string:
//
//	byte 0      format, formatV3 today
//	bytes 1..8  Version of the session, big-endian
//	bytes 9..   the body; its layout belongs to the format
//
// The first nine bytes are the same in every format, present and future, so
// that the compare-and-set script can read the version of any value without
// understanding it, and a value in an unknown format can still be replaced
// by a fresh session (see ErrUnreadable).
//
// In the body each string is a uvarint length and its bytes, each count a
// uvarint, each int a zig-zag varint. Body of formatV3:
//
//	Flow, State, Lang
//	Started, Updated   as varint seconds since 1970 and uvarint nanoseconds
//	Signals            count, then each string
//	Back               count, then Flow, State and Signals (int) of each
//	Handled            Seqs: a count, then each as a uvarint; IDs: a count,
//	                   then each as 8 bytes, big-endian
//	Origin             a zig-zag varint: the id of the conversation's first
//	                   message
//
// Body of formatV2, which builds before format 3 wrote and which is still
// read (a value lives at most SESSION_IDLE): the same without Origin, which
// reads as 0.
//
// Body of formatV1, older still: the same as format 2 up to Back, then
//
//	Tracked            count, then each int: message ids that older builds
//	                   kept for the quick exit; skipped when read
//
// A change to the body that an older reader cannot read needs a new format
// byte; TestEncodeGolden pins every format so that none can change by
// accident. A build that only reads older formats takes a value in a newer
// one for unreadable, and starts that conversation again.
const (
	formatV1  byte = 1
	formatV2  byte = 2
	formatV3  byte = 3
	headerLen int  = 9
)

// ErrUnreadable is returned by Load when the stored session is in a format
// this build does not read: written by an older or newer version of the bot,
// or damaged. The conversation cannot go on; the caller starts it over. Load
// then also returns a record that is zero except for Version, so that
// saving a new session (which keeps that Version) replaces the unreadable
// one under the usual compare-and-set. Delete removes it too.
//
// It is store.ErrUnreadable, so that callers need not know which store
// they talk to.
var ErrUnreadable = store.ErrUnreadable

// encode returns the stored form of r, its Version included, in one
// allocation.
func encode(r store.Record) []byte {
	s := &r.Session
	n := headerLen + 3*binary.MaxVarintLen64 + len(s.Flow) + len(s.State) + len(s.Lang) +
		4*binary.MaxVarintLen64 + binary.MaxVarintLen64*(1+len(s.Signals)+1+3*len(s.Back)+2+len(r.Handled.Seqs)+1) + 8*len(r.Handled.IDs)
	for _, sig := range s.Signals {
		n += len(sig)
	}
	for _, st := range s.Back {
		n += len(st.Flow) + len(st.State)
	}
	b := make([]byte, headerLen, n)
	b[0] = formatV3
	binary.BigEndian.PutUint64(b[1:headerLen], r.Version)

	b = appendString(b, s.Flow)
	b = appendString(b, s.State)
	b = appendString(b, s.Lang)
	b = appendTime(b, s.Started)
	b = appendTime(b, s.Updated)
	b = binary.AppendUvarint(b, uint64(len(s.Signals)))
	for _, sig := range s.Signals {
		b = appendString(b, sig)
	}
	b = binary.AppendUvarint(b, uint64(len(s.Back)))
	for _, st := range s.Back {
		b = appendString(b, st.Flow)
		b = appendString(b, st.State)
		b = binary.AppendVarint(b, int64(st.Signals))
	}
	b = binary.AppendUvarint(b, uint64(len(r.Handled.Seqs)))
	for _, seq := range r.Handled.Seqs {
		b = binary.AppendUvarint(b, seq)
	}
	b = binary.AppendUvarint(b, uint64(len(r.Handled.IDs)))
	for _, id := range r.Handled.IDs {
		b = binary.BigEndian.AppendUint64(b, id)
	}
	return binary.AppendVarint(b, r.Origin)
}

// versionHeader returns the bytes 1..8 of a value with version v, which the
// compare-and-set script compares; for v = 0, "no session", it is empty.
func versionHeader(v uint64) []byte {
	if v == 0 {
		return nil
	}
	return binary.BigEndian.AppendUint64(nil, v)
}

// storedVersion returns the version in the header of a stored value, or 0
// when the value is too short to have one (the script then treats it as "no
// session" too).
func storedVersion(b string) uint64 {
	if len(b) < headerLen {
		return 0
	}
	var v uint64
	for i := 1; i < headerLen; i++ {
		v = v<<8 | uint64(b[i])
	}
	return v
}

// decode reads a stored value, as GET returns it. Any error wraps
// ErrUnreadable. The strings of the session share the memory of b rather
// than being copied one by one. It never panics and never allocates more
// than the input can justify: every count is checked against the bytes
// left, so garbage cannot make it allocate gigabytes.
func decode(b string) (store.Record, error) {
	if len(b) < headerLen {
		return store.Record{}, fmt.Errorf("%w: %d bytes, shorter than the header", ErrUnreadable, len(b))
	}
	format := b[0]
	if format < formatV1 || format > formatV3 {
		return store.Record{}, fmt.Errorf("%w: format %d, this build reads %d to %d", ErrUnreadable, format, formatV1, formatV3)
	}
	var r store.Record
	s := &r.Session
	d := decoder{b: b[headerLen:]}
	s.Flow = d.string()
	s.State = d.string()
	s.Lang = d.string()
	s.Started = d.time()
	s.Updated = d.time()
	if n := d.count(1); n > 0 {
		s.Signals = make([]string, n)
		for i := range s.Signals {
			s.Signals[i] = d.string()
		}
	}
	if n := d.count(1); n > 0 {
		s.Back = make([]flows.Step, n)
		for i := range s.Back {
			s.Back[i] = flows.Step{Flow: d.string(), State: d.string(), Signals: d.int()}
		}
	}
	if format == formatV1 {
		for n := d.count(1); n > 0; n-- {
			d.varint() // a tracked message id of an older build
		}
	} else {
		if n := d.count(1); n > 0 {
			r.Handled.Seqs = make([]uint64, n)
			for i := range r.Handled.Seqs {
				r.Handled.Seqs[i] = d.uvarint()
			}
		}
		if n := d.count(8); n > 0 {
			r.Handled.IDs = make([]uint64, n)
			for i := range r.Handled.IDs {
				r.Handled.IDs[i] = d.uint64()
			}
		}
		if format == formatV3 {
			r.Origin = d.varint()
		}
	}
	if d.err == nil && len(d.b) > 0 {
		d.err = fmt.Errorf("%d bytes left over", len(d.b))
	}
	if d.err != nil {
		return store.Record{}, fmt.Errorf("%w: format %d: %w", ErrUnreadable, format, d.err)
	}
	r.Version = storedVersion(b)
	return r, nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendTime keeps seconds and nanoseconds apart rather than UnixNano, which
// is undefined outside 1678-2262 and so would not round-trip the zero time.
func appendTime(b []byte, t time.Time) []byte {
	b = binary.AppendVarint(b, t.Unix())
	return binary.AppendUvarint(b, uint64(t.Nanosecond()))
}

// decoder reads the body; after the first error every read returns a zero
// value, so that decode checks d.err once at the end.
type decoder struct {
	b   string
	err error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
	d.b = ""
}

// uvarint reads what binary.AppendUvarint wrote, as binary.Uvarint does.
func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	var v uint64
	for i := 0; i < len(d.b) && i < binary.MaxVarintLen64; i++ {
		c := d.b[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				break // overflows 64 bits
			}
			d.b = d.b[i+1:]
			return v | uint64(c)<<(7*i)
		}
		v |= uint64(c&0x7f) << (7 * i)
	}
	d.fail("bad uvarint")
	return 0
}

// varint reads what binary.AppendVarint wrote: a zig-zag uvarint.
func (d *decoder) varint() int64 {
	u := d.uvarint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (d *decoder) int() int {
	v := d.varint()
	if v < math.MinInt || v > math.MaxInt {
		d.fail("int %d out of range", v)
		return 0
	}
	return int(v)
}

func (d *decoder) uint64() uint64 {
	if d.err != nil {
		return 0
	}
	if len(d.b) < 8 {
		d.fail("8 bytes wanted, %d left", len(d.b))
		return 0
	}
	var v uint64
	for i := range 8 {
		v = v<<8 | uint64(d.b[i])
	}
	d.b = d.b[8:]
	return v
}

// count reads a number of elements of at least size bytes each; a count
// whose elements cannot fit in the bytes left is damage, not a reason to
// allocate.
func (d *decoder) count(size int) int {
	n := d.uvarint()
	if n > uint64(len(d.b)/size) {
		d.fail("count %d exceeds the %d bytes left", n, len(d.b))
		return 0
	}
	return int(n)
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail("string of %d bytes exceeds the %d bytes left", n, len(d.b))
		return ""
	}
	s := d.b[:n]
	d.b = d.b[n:]
	return s
}

func (d *decoder) time() time.Time {
	sec := d.varint()
	nsec := d.uvarint()
	if d.err != nil {
		return time.Time{}
	}
	if nsec >= uint64(time.Second) {
		d.fail("nanoseconds %d out of range", nsec)
		return time.Time{}
	}
	// UTC has a nil location, so the zero time comes back as time.Time{}
	// and IsZero, which the engine relies on, holds.
	return time.Unix(sec, int64(nsec)).UTC()
}
