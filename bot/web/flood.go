package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"math"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limits bound what one client address and one conversation may send. A
// school or an office sends all its people from one address, so the
// address limits are far above what one person does; a conversation's
// are what one person types, with room for a quick succession of
// presses.
type Limits struct {
	// AddressRate and AddressBurst bound the requests of one address (of
	// an IPv6 address, its /64, which one household or phone has), in
	// requests a second.
	AddressRate  float64
	AddressBurst int
	// StartRate and StartBurst bound the conversations one address
	// starts, a second.
	StartRate  float64
	StartBurst int
	// ChatRate and ChatBurst bound the ordinary messages of one
	// conversation, a second: not the quick exit, nor what the engine
	// reads as danger.
	ChatRate  float64
	ChatBurst int
	// MaxTracked bounds the addresses and conversations counted at once.
	// Past it, new ones are let through uncounted rather than refused: a
	// flood from very many addresses must not lock out everyone else.
	MaxTracked int
}

// DefaultLimits are the limits of a Server whose Limits are zero: 20
// requests a second from one address (200 at once), 60 conversations
// started at once and one a second after that, and 2 messages a second
// in one conversation (10 at once).
var DefaultLimits = Limits{
	AddressRate: 20, AddressBurst: 200,
	StartRate: 1, StartBurst: 60,
	ChatRate: 2, ChatBurst: 10,
	MaxTracked: 200_000,
}

func (l Limits) orDefault() Limits {
	d := DefaultLimits
	if l.AddressRate > 0 && l.AddressBurst > 0 {
		d.AddressRate, d.AddressBurst = l.AddressRate, l.AddressBurst
	}
	if l.StartRate > 0 && l.StartBurst > 0 {
		d.StartRate, d.StartBurst = l.StartRate, l.StartBurst
	}
	if l.ChatRate > 0 && l.ChatBurst > 0 {
		d.ChatRate, d.ChatBurst = l.ChatRate, l.ChatBurst
	}
	if l.MaxTracked > 0 {
		d.MaxTracked = l.MaxTracked
	}
	return d
}

// What a bucket counts, as the first byte of what its key is a hash of.
const (
	perAddress byte = 'a'
	perStart   byte = 's'
	perChat    byte = 'c'
)

// sweepEvery is how often buckets that have filled up again, and so say
// nothing any more, are forgotten.
const sweepEvery = time.Minute

// flood counts requests in token buckets kept in memory, each under a
// salted hash of what it counts (an address, a conversation). The salt is
// drawn at start, never leaves the process and ends with it: the table
// holds no address, and without the salt not even trying every address
// finds one in it.
type flood struct {
	lim  Limits
	now  func() time.Time
	salt []byte

	mu        sync.Mutex
	buckets   map[uint64]*rate.Limiter
	lastSweep time.Time
}

func newFlood(lim Limits, now func() time.Time) *flood {
	salt := make([]byte, 32)
	_, _ = rand.Read(salt) // never fails; see tokens.mint
	return &flood{lim: lim, now: now, salt: salt, buckets: map[uint64]*rate.Limiter{}}
}

// bucket names what one request counts towards: an address, the
// conversations it starts, or a conversation.
type bucket struct {
	kind byte
	key  []byte
}

// allow takes one request from each of the buckets, all or none: a
// request refused for one limit uses up none of the others. When there
// is no room, retry is how long until there is.
func (f *flood) allow(bs ...bucket) (ok bool, retry time.Duration) {
	hashes := make([]uint64, len(bs))
	for i, b := range bs {
		hashes[i] = f.hash(b.kind, b.key)
	}
	now := f.now()
	f.mu.Lock()
	defer f.mu.Unlock()
	if now.Sub(f.lastSweep) >= sweepEvery {
		f.sweep(now)
	}
	lims := make([]*rate.Limiter, 0, len(bs))
	for i, b := range bs {
		l := f.buckets[hashes[i]]
		if l == nil {
			if len(f.buckets) >= f.lim.MaxTracked {
				continue // uncounted: see Limits.MaxTracked
			}
			r, burst := f.limits(b.kind)
			l = rate.NewLimiter(rate.Limit(r), burst)
			f.buckets[hashes[i]] = l
		}
		if tokens := l.TokensAt(now); tokens < 1 {
			wait := time.Duration(math.Ceil((1 - tokens) / float64(l.Limit()) * float64(time.Second)))
			retry = max(retry, wait)
		}
		lims = append(lims, l)
	}
	if retry > 0 {
		return false, retry
	}
	for _, l := range lims {
		l.AllowN(now, 1)
	}
	return true, 0
}

// sweep forgets the buckets that are full at now: they remember nothing.
// It is called with f.mu held.
func (f *flood) sweep(now time.Time) {
	for h, b := range f.buckets {
		if b.TokensAt(now) >= float64(b.Burst()) {
			delete(f.buckets, h)
		}
	}
	f.lastSweep = now
}

// tracked is the number of buckets kept, for tests.
func (f *flood) tracked() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.buckets)
}

func (f *flood) limits(kind byte) (float64, int) {
	switch kind {
	case perStart:
		return f.lim.StartRate, f.lim.StartBurst
	case perChat:
		return f.lim.ChatRate, f.lim.ChatBurst
	}
	return f.lim.AddressRate, f.lim.AddressBurst
}

func (f *flood) hash(kind byte, key []byte) uint64 {
	m := hmac.New(sha256.New, f.salt)
	m.Write([]byte{kind})
	m.Write(key)
	var sum [sha256.Size]byte
	return binary.BigEndian.Uint64(m.Sum(sum[:0]))
}

// addressKey is what the limits of an address count: the address, or for
// IPv6 its /64, which is what one household or phone is given.
func addressKey(a netip.Addr) []byte {
	a = a.Unmap()
	if a.Is6() {
		p, _ := a.Prefix(64)
		a = p.Addr()
	}
	b, _ := a.MarshalBinary()
	return b
}

// clientAddr is the address a request comes from: the peer's, or, when
// the peer is a trusted proxy, the nearest address in X-Forwarded-For
// that is not one of the trusted proxies.
func clientAddr(r *http.Request, trusted []netip.Prefix) netip.Addr {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	peer = peer.Unmap()
	if !isTrusted(peer, trusted) {
		return peer
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			// What is further left was written by someone we cannot
			// vouch for; the proxy that wrote this one is the client as
			// far as we know.
			return peer
		}
		a = a.Unmap()
		if !isTrusted(a, trusted) {
			return a
		}
		peer = a
	}
	return peer
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
