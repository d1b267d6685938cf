// Package store owns where conversations are kept between messages: the
// contract every store meets, the keys that stand for a
// chat without naming it, and the in-memory store that is the default.
//
// A session (flows.Session) holds only what the conversation needs to go on. It never holds
// message text and never a chat id: the key for a chat is an HMAC of the
// platform and chat id (see Keyer), so a stored session cannot be traced back
// to a person.
package store

import (
	"errors"
	"slices"
	"time"

	"signaal/flows"
)

// DefaultIdle is how long a session is kept after its last message when
// nothing else is configured. Thirty minutes lets someone put the phone away
// for a moment and go on, and is short enough that a half-finished talk
// about something painful does not linger.
const DefaultIdle = 30 * time.Minute

// Errors a Store returns.
var (
	// ErrConflict is returned by Save when the stored session changed since
	// it was loaded. The caller reloads and handles the input again.
	ErrConflict = errors.New("store: session changed concurrently")
	// ErrUnavailable wraps errors of a store that cannot be reached.
	ErrUnavailable = errors.New("store: unavailable")
	// ErrUnreadable is returned by Load when a session is stored but cannot
	// be decoded, for instance because a different version of the bot wrote
	// it. The caller starts the conversation again.
	ErrUnreadable = errors.New("store: session unreadable")
)

// Record is what a store keeps for one chat: the conversation, what it
// remembers of the updates it handled, and the store's version of it for
// compare-and-set. The version belongs to the store, not to the
// conversation, so the engine never sees it.
//
// Every store offers the same three methods (the contract is written down
// where it is used: bot.Sessions, and storetest, which checks it):
//
//   - Load(ctx, key) returns the record for key, or a zero Record when
//     there is none (or it expired).
//   - Save(ctx, key, r) stores r if the stored version still equals
//     r.Version and returns r with its new Version; ErrConflict when the
//     version differs. It refreshes the idle time-out.
//   - Delete(ctx, key) removes everything kept for key at once. Deleting a
//     missing key is not an error.
//
// A store keeps nothing else of a chat: the updates it handled live in the
// record (Handled), so that recognising a redelivered update takes no key
// and no command of its own. An update is one Load and one Save.
type Record struct {
	Session flows.Session
	// Handled says which updates the conversation has handled; the
	// dispatcher asks it after Load and adds the update before Save.
	Handled Handled
	// Version is zero for a conversation never saved; each Save adds one.
	Version uint64
	// Origin is the channel's id of the first message of the conversation
	// (bot.Update.MsgID of its first saved update), so that a quick exit
	// can remove the conversation from the screen from there on. It is
	// zero when the channel has no message ids. A message id counts
	// messages within one chat and identifies nobody.
	Origin int64
}

// MaxHandled bounds the updates a record remembers, of either kind.
// Redeliveries come within minutes, long before a person has sent that
// many more messages; and an update that arrives late, after others of its
// chat sent later (parallel webhook connections can do that), is still
// told apart from one handled before as long as fewer than this many
// overtook it.
const MaxHandled = 16

// Handled remembers the updates a conversation has handled, so that an
// update delivered twice is handled once. A channel whose update ids only
// grow, as Telegram's do, gives them as sequence numbers (Seqs): an update
// older than all of the last MaxHandled was handled, or is too old to
// handle now. A channel whose ids do not grow gives them as strings, of
// which the record keeps a hash (IDs; see Keyer.UpdateHash): some
// platforms put the sender's phone number into their message ids.
//
// It lives as long as the session does. An update redelivered after the
// session expired or was deleted is handled as a new one, which, with no
// conversation left to change, starts one at most.
type Handled struct {
	// Seqs are the sequence numbers of the last updates handled, in the
	// order they were handled, at most MaxHandled of them.
	Seqs []uint64
	// IDs are hashes of the last update ids handled, likewise.
	IDs []uint64
}

// Has reports whether the update with sequence number seq, or when seq is
// 0 the one whose id hashes to id, was handled. With neither, as for a
// channel that never delivers twice, it reports false.
func (h Handled) Has(seq, id uint64) bool {
	switch {
	case seq != 0:
		if len(h.Seqs) == MaxHandled && seq < slices.Min(h.Seqs) {
			return true
		}
		return slices.Contains(h.Seqs, seq)
	case id != 0:
		return slices.Contains(h.IDs, id)
	}
	return false
}

// With returns h with the update added, as Has takes it. It never changes
// h's own lists, which may be shared with a loaded record.
func (h Handled) With(seq, id uint64) Handled {
	switch {
	case seq != 0:
		h.Seqs = appendLast(h.Seqs, seq)
	case id != 0:
		h.IDs = appendLast(h.IDs, id)
	}
	return h
}

// appendLast returns a new list of the last MaxHandled of s and v.
func appendLast(s []uint64, v uint64) []uint64 {
	out := make([]uint64, 0, min(len(s)+1, MaxHandled))
	out = append(out, s[max(0, len(s)+1-MaxHandled):]...)
	return append(out, v)
}
