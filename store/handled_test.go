package store_test

import (
	"testing"

	"signaal/store"
)

func TestHandled(t *testing.T) {
	// Each step adds an update (seq, or else the hashed id) to what came
	// before and asks about others.
	type ask struct {
		seq, id uint64
		want    bool
	}
	tests := []struct {
		name string
		add  [][2]uint64 // seq, id
		asks []ask
	}{
		{"nothing handled", nil, []ask{{1, 0, false}, {0, 7, false}, {0, 0, false}}},
		{"sequence", [][2]uint64{{100, 0}}, []ask{
			{100, 0, true}, // redelivered
			{99, 0, false}, // late, overtaken by 100: still to handle
			{101, 0, false},
			{0, 0, false}, // no id at all: never a duplicate
		}},
		{"sequence, late one handled", [][2]uint64{{100, 0}, {99, 0}}, []ask{{100, 0, true}, {99, 0, true}, {98, 0, false}}},
		{"sequence window full", func() [][2]uint64 {
			var add [][2]uint64
			for seq := uint64(1); seq <= store.MaxHandled+2; seq++ {
				add = append(add, [2]uint64{seq * 10, 0})
			}
			return add
		}(), []ask{
			{10, 0, true},  // forgotten, but older than all kept: handled
			{25, 0, true},  // likewise
			{35, 0, false}, // between the kept ones: a late one, still to handle
			{40, 0, true},
			{(store.MaxHandled + 2) * 10, 0, true},
			{(store.MaxHandled+2)*10 + 1, 0, false},
		}},
		{"ids", [][2]uint64{{0, 7}, {0, 9}}, []ask{{0, 7, true}, {0, 9, true}, {0, 8, false}, {0, 0, false}}},
		{"ids and sequence apart", [][2]uint64{{0, 7}}, []ask{{7, 0, false}, {0, 7, true}}},
		{"ids forget the oldest", func() [][2]uint64 {
			var add [][2]uint64
			for id := uint64(1); id <= store.MaxHandled+2; id++ {
				add = append(add, [2]uint64{0, id})
			}
			return add
		}(), []ask{{0, 1, false}, {0, 2, false}, {0, 3, true}, {0, store.MaxHandled + 2, true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h store.Handled
			for _, a := range tt.add {
				h = h.With(a[0], a[1])
			}
			if len(h.IDs) > store.MaxHandled || len(h.Seqs) > store.MaxHandled {
				t.Errorf("%d ids and %d sequence numbers kept, want at most %d each", len(h.IDs), len(h.Seqs), store.MaxHandled)
			}
			for _, a := range tt.asks {
				if got := h.Has(a.seq, a.id); got != a.want {
					t.Errorf("Has(%d, %d) = %v, want %v (handled %+v)", a.seq, a.id, got, a.want, h)
				}
			}
		})
	}
}

// TestHandledWithDoesNotAlias: a loaded record's list must not change
// when the dispatcher adds an update to a copy of it.
func TestHandledWithDoesNotAlias(t *testing.T) {
	h := store.Handled{IDs: make([]uint64, 2, 16), Seqs: make([]uint64, 2, 16)}
	h.IDs[0], h.IDs[1] = 1, 2
	h.Seqs[0], h.Seqs[1] = 1, 2
	a, b := h.With(0, 3), h.With(0, 4)
	if a.IDs[2] != 3 || b.IDs[2] != 4 || len(h.IDs) != 2 {
		t.Errorf("With on one list: %v and %v from %v; want [1 2 3] and [1 2 4] from [1 2]", a.IDs, b.IDs, h.IDs)
	}
	a, b = h.With(3, 0), h.With(4, 0)
	if a.Seqs[2] != 3 || b.Seqs[2] != 4 || len(h.Seqs) != 2 {
		t.Errorf("With on one list: %v and %v from %v; want [1 2 3] and [1 2 4] from [1 2]", a.Seqs, b.Seqs, h.Seqs)
	}
}

func TestUpdateHash(t *testing.T) {
	secret := []byte("0123456789abcdef0123456789abcdef")
	k := store.NewKeyer(secret)
	chat, other := k.Key("telegram", 1), k.Key("telegram", 2)
	h := k.UpdateHash(chat, "wamid.31612345678")
	tests := []struct {
		name string
		got  uint64
		same bool
	}{
		{"same id, same chat", k.UpdateHash(chat, "wamid.31612345678"), true},
		{"same id, same chat, another Keyer with the secret", store.NewKeyer(secret).UpdateHash(chat, "wamid.31612345678"), true},
		{"another id", k.UpdateHash(chat, "wamid.31612345679"), false},
		{"another chat", k.UpdateHash(other, "wamid.31612345678"), false},
		{"another secret", store.NewKeyer([]byte("another secret of thirty-two bytes")).UpdateHash(chat, "wamid.31612345678"), false},
	}
	for _, tt := range tests {
		if (tt.got == h) != tt.same {
			t.Errorf("%s: UpdateHash = %x against %x, want same = %v", tt.name, tt.got, h, tt.same)
		}
	}
	for i := range 1000 {
		if k.UpdateHash(chat, string(rune(i))) == 0 {
			t.Fatalf("UpdateHash = 0, which stands for no id")
		}
	}
}
