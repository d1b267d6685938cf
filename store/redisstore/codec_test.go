package redisstore

import (
	"encoding/hex"
	"errors"
	"reflect"
	"testing"
	"time"

	"signaal/flows"
	"signaal/store"
	"signaal/store/storetest"
)

func sample() store.Record {
	return store.Record{Session: flows.Session{
		Flow:    "werk",
		State:   "paspoort",
		Lang:    "nl",
		Signals: []string{"werk=ja", "paspoort=ingenomen"},
		Back:    []flows.Step{{Flow: "start", State: "welkom"}, {Flow: "werk", State: "vraag", Signals: 1}},
		Started: time.Date(2025, 6, 1, 12, 0, 0, 5, time.UTC),
		Updated: time.Date(2025, 6, 1, 12, 3, 4, 0, time.UTC),
	}, Version: 7}
}

// goldenV1 is sample() in formatV1. If this test fails, the encoding
// changed: a value written by the running bot would no longer read. Either
// undo the change or give the new layout a new format byte (and keep this
// golden for the old one until no value in it can remain, SESSION_IDLE).
const goldenV1 = "01" + "0000000000000007" + // format, Version
	"047765726b" + "08706173706f6f7274" + "026e6c" + // Flow, State, Lang
	"8083e2830d" + "05" + "f085e2830d" + "00" + // Started, Updated
	"02" + "077765726b3d6a61" + "12706173706f6f72743d696e67656e6f6d656e" + // Signals
	"02" + "057374617274" + "0677656c6b6f6d" + "00" + "047765726b" + "057672616167" + "02" + // Back
	"00" // no tracked message ids

// goldenV1Tracked is sample() as an older build wrote it, with two tracked
// message ids; they are skipped on reading.
var goldenV1Tracked = goldenV1[:len(goldenV1)-2] + "02" + "fa55" + "03"

func TestEncodeGolden(t *testing.T) {
	t.Parallel()
	if n := reflect.TypeFor[flows.Session]().NumField(); n != 7 {
		t.Fatalf("flows.Session has %d fields, formatV1 stores 7: a new field needs a new format", n)
	}
	got := hex.EncodeToString(encode(sample()))
	if got != goldenV1 {
		t.Errorf("encode(sample()) =\n%s\nwant\n%s", got, goldenV1)
	}
	for _, golden := range []string{goldenV1, goldenV1Tracked} {
		raw, _ := hex.DecodeString(golden)
		s, err := decode(raw)
		if err != nil {
			t.Fatalf("decode(%s) error = %v", golden, err)
		}
		if d := storetest.Diff(s, sample()); d != "" {
			t.Errorf("decode(%s) differs from sample():\n%s", golden, d)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	good := encode(sample())
	tests := []struct {
		name string
		raw  []byte
	}{
		{"empty", nil},
		{"header only, short", good[:headerLen-1]},
		{"unknown format", append([]byte{2}, good[1:]...)},
		{"format 0", append([]byte{0}, good[1:]...)},
		{"truncated body", good[:len(good)-1]},
		{"trailing byte", append(append([]byte(nil), good...), 0)},
		{"huge count", append(append([]byte(nil), good[:headerLen]...), 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f)},
		{"nanoseconds out of range", append(append([]byte(nil), good[:headerLen]...), 0, 0, 0, 0, 0x80, 0x94, 0xeb, 0xdc, 0x03)},
		{"bad varint", append(append([]byte(nil), good[:headerLen]...), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decode(tt.raw)
			if !errors.Is(err, ErrUnreadable) {
				t.Errorf("decode(%x) error = %v, want %v", tt.raw, err, ErrUnreadable)
			}
		})
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   store.Record
	}{
		{"zero", store.Record{}},
		{"sample", sample()},
		{"extreme", store.Record{Session: flows.Session{
			Back:    []flows.Step{{Signals: -1}, {Signals: 1<<62 + 1}},
			Started: time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC),
			Updated: time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		}, Version: 1<<64 - 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := encode(tt.in)
			got, err := decode(raw)
			if err != nil {
				t.Fatalf("decode(encode(%s)) error = %v", tt.name, err)
			}
			if d := storetest.Diff(got, tt.in); d != "" {
				t.Errorf("decode(encode(%s)) differs:\n%s", tt.name, d)
			}
			if got.Session.Started.IsZero() != tt.in.Session.Started.IsZero() {
				t.Errorf("decode(encode(%s)).Started.IsZero() = %v, want %v", tt.name, got.Session.Started.IsZero(), tt.in.Session.Started.IsZero())
			}
			if v := storedVersion(raw); v != tt.in.Version {
				t.Errorf("storedVersion(encode(%s)) = %d, want %d", tt.name, v, tt.in.Version)
			}
		})
	}
}

// FuzzDecode feeds decode garbage: it must never panic, and whatever it
// accepts must encode to something that decodes to the same session.
func FuzzDecode(f *testing.F) {
	f.Add(encode(sample()))
	f.Add(encode(store.Record{}))
	f.Add([]byte{})
	f.Add([]byte{formatV1})
	f.Add([]byte{formatV1 + 1, 0, 0, 0, 0, 0, 0, 0, 1})
	f.Add(append([]byte{formatV1, 0, 0, 0, 0, 0, 0, 0, 1}, 0xff, 0xff, 0xff, 0xff, 0x0f))
	f.Fuzz(func(t *testing.T, raw []byte) {
		s, err := decode(raw)
		if err != nil {
			if !errors.Is(err, ErrUnreadable) {
				t.Fatalf("decode(%x) error = %v, want one wrapping %v", raw, err, ErrUnreadable)
			}
			return
		}
		again, err := decode(encode(s))
		if err != nil {
			t.Fatalf("decode(encode(decode(%x))) error = %v", raw, err)
		}
		if d := storetest.Diff(again, s); d != "" {
			t.Fatalf("decode(encode(decode(%x))) differs:\n%s", raw, d)
		}
	})
}
