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

// Record is what a store keeps for one chat: the conversation, and the
// store's version of it for compare-and-set. The version belongs to the
// store, not to the conversation, so the engine never sees it.
//
// Every store offers the same three methods (the contract is written down
// where it is used: bot.Sessions, and storetest, which checks it):
//
//   - Load(ctx, key, update) returns the record for key, or a zero Record
//     when there is none (or it expired). When update is not empty it
//     also records that update id and reports dup=true if it was recorded
//     before, so that a redelivered update is not handled twice.
//   - Save(ctx, key, r) stores r if the stored version still equals
//     r.Version and returns r with its new Version; ErrConflict when the
//     version differs. It refreshes the idle time-out.
//   - Delete(ctx, key) removes everything kept for key at once: record and
//     recorded update ids. Deleting a missing key is not an error.
type Record struct {
	Session flows.Session
	// Version is zero for a conversation never saved; each Save adds one.
	Version uint64
}
