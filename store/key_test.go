package store_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"testing"

	"signaal/store"
)

func TestKeyerKey(t *testing.T) {
	secret := []byte("0123456789abcdef0123456789abcdef")
	k := store.NewKeyer(secret)
	base := k.Key("telegram", 123456789)

	tests := []struct {
		name     string
		keyer    *store.Keyer
		platform string
		chat     int64
		same     bool // whether the key equals base
	}{
		{"same input", k, "telegram", 123456789, true},
		{"another instance, same secret", store.NewKeyer(secret), "telegram", 123456789, true},
		{"other chat", k, "telegram", 123456788, false},
		{"negative chat (a group)", k, "telegram", -123456789, false},
		{"other platform", k, "console", 123456789, false},
		{"other secret", store.NewKeyer([]byte("another secret of thirty-two b..")), "telegram", 123456789, false},
		{"random secret", store.NewKeyer(nil), "telegram", 123456789, false},
		// Without the separator, ("telegram1", 23456789) would hash the
		// same bytes as ("telegram", 123456789).
		{"platform and chat boundary", k, "telegram1", 23456789, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.keyer.Key(tt.platform, tt.chat)
			if (got == base) != tt.same {
				t.Errorf("Key(%q, %d) = %q, base key %q: equal = %v, want %v", tt.platform, tt.chat, got, base, got == base, tt.same)
			}
		})
	}
}

func TestKeyerKeyForm(t *testing.T) {
	k := store.NewKeyer([]byte("0123456789abcdef0123456789abcdef"))
	for _, chat := range []int64{0, 1, 123456789, -1001234567890, 1<<63 - 1, -1 << 63} {
		key := string(k.Key("telegram", chat))
		if len(key) != 22 {
			t.Errorf("len(Key(%d)) = %d, want 22", chat, len(key))
		}
		b, err := base64.RawURLEncoding.DecodeString(key)
		if err != nil || len(b) != 16 {
			t.Errorf("Key(%d) = %q: decodes to %d bytes, error %v; want 16 bytes of base64url", chat, key, len(b), err)
		}
		// A Redis Cluster hash tag is cut at braces; the key must not
		// contain any, nor anything of the chat it stands for.
		if strings.ContainsAny(key, "{}:") {
			t.Errorf("Key(%d) = %q contains a brace or colon", chat, key)
		}
		if s := strconv.FormatInt(chat, 10); len(s) >= 6 && strings.Contains(key, s) {
			t.Errorf("Key(%d) = %q contains the chat id", chat, key)
		}
	}
}

func TestNewKeyerCopiesSecret(t *testing.T) {
	secret := []byte("0123456789abcdef0123456789abcdef")
	k := store.NewKeyer(secret)
	before := k.Key("telegram", 42)
	secret[0] = 'X' // the caller reuses its buffer
	if after := k.Key("telegram", 42); after != before {
		t.Errorf("Key(telegram, 42) after the caller changed its secret = %q, want %q", after, before)
	}
}

func TestNewKeyerRandomSecret(t *testing.T) {
	// With no secret each Keyer draws its own: two of them must not agree,
	// or every process without SESSION_SECRET would share one key space.
	a, b := store.NewKeyer(nil), store.NewKeyer(nil)
	if ka, kb := a.Key("telegram", 1), b.Key("telegram", 1); ka == kb {
		t.Errorf("two NewKeyer(nil) give the same Key(telegram, 1) = %q, want different keys", ka)
	}
}

// TestKeyerKeyIsStable pins how a key is derived: HMAC-SHA256 over
// platform, a zero byte and the decimal chat id, first 16 bytes in base64url.
// A change would split every stored conversation from its chat on deploy.
func TestKeyerKeyIsStable(t *testing.T) {
	secret := []byte("a shared secret of the instances")
	k := store.NewKeyer(secret)
	for _, chat := range []int64{0, 42, -1001234567890} {
		m := hmac.New(sha256.New, secret)
		m.Write([]byte("telegram\x00" + strconv.FormatInt(chat, 10)))
		want := store.Key(base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:16]))
		for i := 0; i < 3; i++ { // pooled states must not carry anything over
			if got := k.Key("telegram", chat); got != want {
				t.Errorf("Key(telegram, %d) = %q, want %q", chat, got, want)
			}
		}
	}
}
