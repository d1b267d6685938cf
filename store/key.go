package store

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"hash"
	"strconv"
	"sync"
)

// Key stands for one chat in storage and logs. It is derived with an HMAC
// under a secret, so it cannot be turned back into a chat id, and two bot
// instances with the same secret derive the same key.
type Key string

// Keyer derives keys. The zero value is not usable; see NewKeyer.
type Keyer struct {
	// macs pools HMAC states: building one costs more than the hashing,
	// and a key is derived for every update.
	macs sync.Pool
}

// NewKeyer returns a Keyer for the secret. With an empty secret it draws a
// random one: keys are then stable only for this process, which is what the
// in-memory store needs and no more.
func NewKeyer(secret []byte) *Keyer {
	if len(secret) == 0 {
		secret = make([]byte, 32)
		if _, err := rand.Read(secret); err != nil {
			panic("store: no randomness for the session secret: " + err.Error())
		}
	}
	secret = append([]byte(nil), secret...)
	k := &Keyer{}
	k.macs.New = func() any { return hmac.New(sha256.New, secret) }
	return k
}

// UpdateHash returns the hash under which a record keeps the update id of
// a channel whose ids are not a sequence (see Handled). It is an HMAC
// under the secret, with the chat's key mixed in: an id that holds a phone
// number cannot be found by trying numbers without the secret, and the
// same id in two chats hashes apart. It is never 0, which stands for no
// id.
func (k *Keyer) UpdateHash(key Key, id string) uint64 {
	m := k.macs.Get().(hash.Hash)
	defer k.macs.Put(m)
	m.Reset()
	var buf [64]byte
	b := append(append(append(buf[:0], "update\x00"...), key...), 0)
	m.Write(b)
	m.Write([]byte(id))
	sum := m.Sum(buf[:0])
	return binary.BigEndian.Uint64(sum) | 1
}

// Key returns the key for a chat on a platform ("telegram", "console", ...).
// It is 22 characters of URL-safe base64: 128 bits of the HMAC, plenty to
// keep chats apart and short enough to keep every stored key small.
func (k *Keyer) Key(platform string, chatID int64) Key {
	m := k.macs.Get().(hash.Hash)
	defer k.macs.Put(m)
	m.Reset()
	var buf [64]byte
	b := append(append(buf[:0], platform...), 0)
	m.Write(strconv.AppendInt(b, chatID, 10))
	sum := m.Sum(buf[:0])
	return Key(base64.RawURLEncoding.EncodeToString(sum[:16]))
}
