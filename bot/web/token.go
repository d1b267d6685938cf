package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"hash"
	"sync"
)

// A conversation token is 16 random bytes and the first 16 bytes of an
// HMAC of them under the secret, in URL-safe base64: 43 characters. The
// tag lets the server tell a token it handed out from a forged one
// without storing either; the random part names the conversation.
const (
	nonceLen   = 16
	tagLen     = 16
	tokenLen   = 43 // base64 of nonceLen+tagLen bytes, without padding
	tokenLabel = "signaal web token\x00"
)

// tokens hands out and checks conversation tokens.
type tokens struct {
	macs sync.Pool
}

func newTokens(secret []byte) *tokens {
	secret = append([]byte(nil), secret...)
	t := &tokens{}
	t.macs.New = func() any { return hmac.New(sha256.New, secret) }
	return t
}

// mint returns a new token and the chat id of its conversation.
func (t *tokens) mint() (string, int64) {
	var b [nonceLen + tagLen]byte
	// crypto/rand.Read never fails (it panics when the system has no
	// randomness, as it should: a guessable token would be worse).
	_, _ = rand.Read(b[:nonceLen])
	t.tag(b[nonceLen:], b[:nonceLen])
	return base64.RawURLEncoding.EncodeToString(b[:]), chatID(b[:nonceLen])
}

// check returns the chat id of a token this server (or one with the same
// secret) handed out, and false for anything else.
func (t *tokens) check(token string) (int64, bool) {
	if len(token) != tokenLen {
		return 0, false
	}
	var b [nonceLen + tagLen]byte
	if n, err := base64.RawURLEncoding.Decode(b[:], []byte(token)); err != nil || n != len(b) {
		return 0, false
	}
	var want [tagLen]byte
	t.tag(want[:], b[:nonceLen])
	if subtle.ConstantTimeCompare(want[:], b[nonceLen:]) != 1 {
		return 0, false
	}
	return chatID(b[:nonceLen]), true
}

// tag writes the tag of nonce into dst.
func (t *tokens) tag(dst, nonce []byte) {
	m := t.macs.Get().(hash.Hash)
	defer t.macs.Put(m)
	m.Reset()
	m.Write([]byte(tokenLabel))
	m.Write(nonce)
	var sum [sha256.Size]byte
	copy(dst, m.Sum(sum[:0]))
}

// chatID is the id the dispatcher knows a conversation by: 64 bits of a
// hash of the token's random part, never the token. The dispatcher turns
// it into the store key with an HMAC, as it does a Telegram chat id.
func chatID(nonce []byte) int64 {
	sum := sha256.Sum256(append([]byte("signaal web chat\x00"), nonce...))
	return int64(binary.BigEndian.Uint64(sum[:8]))
}
