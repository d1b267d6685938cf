// Package redisstore keeps sessions in Redis, so that several bot instances
// can serve one bot and a restart of the bot loses no conversation. It owns
// the Redis key layout, the stored encoding of a session, the
// compare-and-set script and the client configuration (see Config).
//
// Nothing in Redis identifies a person. Keys are store.Key values, an HMAC of
// platform and chat id under SESSION_SECRET, and the store refuses any other
// key, so that a raw chat id can never become a Redis key by mistake. Values
// hold only what flows.Session holds. Update ids are kept as a hash, because
// some platforms put a phone number into their message ids.
//
// # Key layout
//
// For a chat with key K and the prefix P ("sg" by default):
//
//	P:{K}:s   string: the session (see codec.go), PX idle, refreshed on Save
//	P:{K}:u   sorted set: the update ids seen, as 16-byte hashes scored by
//	          the Unix microsecond they may be forgotten; EXPIRE SeenTTL
//
// The braces are a Redis Cluster hash tag: both keys of a chat live in one
// slot, so Delete removes them in one DEL and Load reads them in one
// pipeline to one node, with no SCAN ever needed.
//
// # Round trips
//
// Load is one pipeline (GET of the session, and ZADD NX of the update id
// with its housekeeping) and Save one EVALSHA, so handling an update costs two
// round trips. Only the first Save after Redis lost its script cache (a
// restart, a failover) costs one more: go-redis then falls back to EVAL.
package redisstore

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"signaal/store"
)

// DefaultPrefix starts every key, so that an operator can tell the bot's
// keys apart in a shared Redis.
const DefaultPrefix = "sg"

// DefaultTimeout bounds one Load, Save or Delete. The user must get an
// answer within a second even when Redis is down or hung, and a handled
// update makes two calls and then still has to send the answer. A healthy
// Redis answers in about a millisecond; the rest is room for a new
// connection (dial, TLS, HELLO) on a slow network.
const DefaultTimeout = 300 * time.Millisecond

// maxSeen bounds the update ids kept per chat, so that a flood of updates
// to one chat cannot grow its set without limit. Redeliveries come within
// minutes, long before a thousand newer updates have pushed an id out.
const maxSeen = 1000

// Store keeps sessions in Redis. It is safe for concurrent use; create it
// with New.
type Store struct {
	client  redis.UniversalClient
	idle    time.Duration
	seenTTL time.Duration
	timeout time.Duration
	prefix  string
	now     func() time.Time
}

// Option changes a setting of New.
type Option func(*Store)

// WithPrefix sets the prefix of every key (DefaultPrefix by default). It
// must be 1 to 32 characters of A-Z, a-z, 0-9, '-', '_' and '.'; New
// panics otherwise, because a brace in it would break the hash tag.
// Config.Validate checks a configured prefix the same way, with an error.
func WithPrefix(p string) Option { return func(s *Store) { s.prefix = p } }

// WithSeenTTL sets how long an update id is remembered (store.SeenTTL by
// default).
func WithSeenTTL(d time.Duration) Option { return func(s *Store) { s.seenTTL = d } }

// WithTimeout sets the bound on one call (DefaultTimeout by default); the
// caller's context may set a shorter one.
func WithTimeout(d time.Duration) Option { return func(s *Store) { s.timeout = d } }

// New returns a store on client whose sessions expire after idle without a
// Save (store.DefaultIdle when idle <= 0). The caller owns client and closes
// it. For fast failure when Redis is down, make client with NewClient.
func New(client redis.UniversalClient, idle time.Duration, opts ...Option) *Store {
	if idle <= 0 {
		idle = store.DefaultIdle
	}
	// PX takes whole milliseconds, and PX 0 is an error.
	idle = max(idle, time.Millisecond)
	s := &Store{
		client:  client,
		idle:    idle,
		seenTTL: store.SeenTTL,
		timeout: DefaultTimeout,
		prefix:  DefaultPrefix,
		now:     time.Now,
	}
	for _, o := range opts {
		o(s)
	}
	if err := checkPrefix(s.prefix); err != nil {
		panic("redisstore.New: " + err.Error())
	}
	if s.seenTTL < time.Second {
		// EXPIRE takes whole seconds; a shorter TTL would forget at once.
		s.seenTTL = time.Second
	}
	return s
}

// Ping reports whether Redis answers. The bot calls it at start-up, so that
// a wrong address shows at once rather than at the first message.
func (s *Store) Ping(ctx context.Context) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if err := s.client.Ping(ctx).Err(); err != nil {
		return s.fail("ping", err)
	}
	return nil
}

// Load returns the record for key in one round trip (see store.Record for
// the contract). On ErrUnreadable it also
// returns dup and the stored Version; see ErrUnreadable.
//
// An error wrapping store.ErrUnavailable does not prove that the update id
// went unrecorded: Redis may have run the pipeline and only its answer been
// lost. A caller that relies on redelivery after such an error would then
// see the update as a duplicate; answering the user at once is safer.
func (s *Store) Load(ctx context.Context, key store.Key, update string) (store.Record, bool, error) {
	if err := checkKey(key); err != nil {
		return store.Record{}, false, fmt.Errorf("redisstore: load: %w", err)
	}
	ctx, cancel := s.bound(ctx)
	defer cancel()

	var (
		get   *redis.StringCmd
		added *redis.IntCmd
	)
	cmds, err := s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		get = p.Get(ctx, s.sessionKey(key))
		if update != "" {
			seen := s.seenKey(key)
			// Scores are microseconds, exact in a float64 for centuries
			// to come. Trimming to maxSeen drops the lowest scores, and
			// Redis orders equal scores by member, that is by hash: with
			// scores in seconds, ids seen in the same second tied and the
			// newest could be the one dropped. A round trip takes longer
			// than a microsecond, so one chat's ids no longer tie.
			now := s.now().UnixMicro()
			// Forget expired ids first, so that an id seen long ago is
			// new again, as in the memory store.
			p.ZRemRangeByScore(ctx, seen, "-inf", strconv.FormatInt(now, 10))
			added = p.ZAddNX(ctx, seen, redis.Z{
				Score:  float64(now + s.seenTTL.Microseconds()),
				Member: seenMember(key, update),
			})
			p.ZRemRangeByRank(ctx, seen, 0, -maxSeen-1)
			p.Expire(ctx, seen, s.seenTTL)
		}
		return nil
	})
	// Pipelined returns the first failed command's error, and a missing
	// session (redis.Nil from GET) is one, which could hide a later failure:
	// look at each command too.
	if err != nil && !errors.Is(err, redis.Nil) {
		return store.Record{}, false, s.fail("load", err)
	}
	for _, c := range cmds {
		if err := c.Err(); err != nil && !errors.Is(err, redis.Nil) {
			return store.Record{}, false, s.fail("load", err)
		}
	}
	dup := added != nil && added.Val() == 0

	raw, err := get.Bytes()
	if errors.Is(err, redis.Nil) {
		return store.Record{}, dup, nil
	}
	if err != nil {
		return store.Record{}, false, s.fail("load", err)
	}
	r, err := decode(raw)
	if err != nil {
		return store.Record{Version: storedVersion(raw)}, dup, fmt.Errorf("redisstore: load: %w", err)
	}
	return r, dup, nil
}

// casScript stores ARGV[2] with PX ARGV[3] if the version in the stored
// value (bytes 2..9 in Lua's counting) equals ARGV[1], where an empty
// ARGV[1] stands for "no session". A value too short for a header counts as
// no session, so that garbage can be overwritten by a new session.
var casScript = redis.NewScript(`
local cur = redis.call('GET', KEYS[1])
local v = ''
if cur and #cur >= 9 then
  v = string.sub(cur, 2, 9)
end
if v ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
`)

// Save stores r under compare-and-set in one round trip (see store.Record
// for the contract).
func (s *Store) Save(ctx context.Context, key store.Key, r store.Record) (store.Record, error) {
	if err := checkKey(key); err != nil {
		return r, fmt.Errorf("redisstore: save: %w", err)
	}
	ctx, cancel := s.bound(ctx)
	defer cancel()

	next := r
	next.Version++
	ok, err := casScript.Run(ctx, s.client,
		[]string{s.sessionKey(key)},
		versionHeader(r.Version), encode(next), s.idle.Milliseconds(),
	).Int()
	if err != nil {
		return r, s.fail("save", err)
	}
	if ok != 1 {
		return r, store.ErrConflict
	}
	return next, nil
}

// Delete removes both keys of the chat in one DEL.
func (s *Store) Delete(ctx context.Context, key store.Key) error {
	if err := checkKey(key); err != nil {
		return fmt.Errorf("redisstore: delete: %w", err)
	}
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if err := s.client.Del(ctx, s.sessionKey(key), s.seenKey(key)).Err(); err != nil {
		return s.fail("delete", err)
	}
	return nil
}

func (s *Store) sessionKey(k store.Key) string { return s.prefix + ":{" + string(k) + "}:s" }
func (s *Store) seenKey(k store.Key) string    { return s.prefix + ":{" + string(k) + "}:u" }

// seenMember hashes an update id with the chat's key. Telegram's update ids
// are bare counters, but other platforms' message ids can carry the sender's
// phone number; the hash keeps them out of Redis, and mixing in the key
// keeps the same id in two chats apart.
func seenMember(k store.Key, update string) string {
	h := sha256.New()
	h.Write([]byte(k))
	h.Write([]byte{0})
	h.Write([]byte(update))
	return string(h.Sum(nil)[:16])
}

func (s *Store) bound(ctx context.Context) (context.Context, context.CancelFunc) {
	if s.timeout <= 0 {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, s.timeout)
}

// fail wraps err from Redis. Anything but a plain error reply from the
// server (a dial or read error, a time-out, a closed pool, or a reply that
// says the server cannot serve right now, such as LOADING or READONLY during
// a failover) means Redis is unavailable and wraps store.ErrUnavailable
// too, so that the caller can answer "try again in a moment".
func (s *Store) fail(op string, err error) error {
	if unavailable(err) {
		return fmt.Errorf("redisstore: %s: %w: %w", op, store.ErrUnavailable, err)
	}
	return fmt.Errorf("redisstore: %s: %w", op, err)
}

func unavailable(err error) bool {
	var reply redis.Error
	if !errors.As(err, &reply) {
		return true
	}
	return redis.IsLoadingError(err) || redis.IsReadOnlyError(err) ||
		redis.IsClusterDownError(err) || redis.IsTryAgainError(err) ||
		redis.IsMasterDownError(err) || redis.IsMaxClientsError(err) ||
		redis.IsNoReplicasError(err) || redis.HasErrorPrefix(err, "BUSY")
}

// keyLen is the length of a store.Keyer key: 128 bits in unpadded base64url.
const keyLen = 22

// errBadKey is returned for a key that store.Keyer did not make. The
// message does not repeat the key: it may be exactly the chat id that must
// not reach a log.
var errBadKey = errors.New("key is not a store.Keyer key (22 characters of base64url); refusing to store it")

// checkKey keeps anything but a Keyer key, above all a raw chat id, out of
// Redis.
func checkKey(k store.Key) error {
	if len(k) != keyLen {
		return errBadKey
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return errBadKey
		}
	}
	return nil
}

func checkPrefix(p string) error {
	if len(p) == 0 || len(p) > 32 {
		return fmt.Errorf("prefix must be 1 to 32 characters, got %d", len(p))
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.') {
			return fmt.Errorf("prefix %q: only A-Z, a-z, 0-9, '-', '_' and '.' are allowed", p)
		}
	}
	return nil
}
