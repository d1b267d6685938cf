// Package redisstore keeps sessions in Redis, so that several bot instances
// can serve one bot and a restart of the bot loses no conversation. It owns
// the Redis key layout, the stored encoding of a session, the
// compare-and-set script and the client configuration (see Config).
//
// Nothing in Redis identifies a person. Keys are store.Key values, an HMAC of
// platform and chat id under SESSION_SECRET, and the store refuses any other
// key, so that a raw chat id can never become a Redis key by mistake. Values
// hold only what store.Record holds: the session, and what it remembers of
// the updates it handled (a sequence number, or hashes).
//
// # Key layout
//
// For a chat with key K and the prefix P ("sg" by default):
//
//	P:{K}:s   string: the record (see codec.go), PX idle, refreshed on Save
//
// and, apart from every chat, P:probe, "1" for five seconds, which
// Writable sets to see that Redis takes writes.
//
// Builds before format 2 also kept P:{K}:u, a sorted set of hashed update
// ids that expired within a day; Delete still removes it, so that a quick
// exit leaves nothing of a chat that an older build served. The braces are
// a Redis Cluster hash tag, which keeps both on one slot.
//
// # Commands
//
// Load is one GET and Save one EVALSHA, so handling an update sends Redis
// two commands. Only the first Save after Redis lost its script cache (a
// restart, a failover) sends one more: EVAL, which loads the script again.
//
// Commands of concurrent updates share round trips: they go through
// go-redis's autopipeliner, which writes the commands that wait at one
// moment as one pipeline, as ioredis writes every caller's commands down
// one connection. Each caller
// still waits only until its context ends (see DefaultTimeout), so a Redis
// that hangs costs a person at most that long before the safety card.
package redisstore

import (
	"context"
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

// maxQueued bounds the commands waiting in the autopipeliner. While Redis
// hangs, every update leaves one behind when its caller gives up; past
// this many the next fails at once, as Redis is clearly not answering, and
// the memory they take stays small.
const maxQueued = 50000

// Store keeps sessions in Redis. It is safe for concurrent use; create it
// with New.
type Store struct {
	client redis.UniversalClient
	// pipe batches the commands of concurrent calls; nil sends each
	// command on its own (WithoutAutoPipeline, or a client that cannot).
	pipe    *redis.AutoPipeliner
	noPipe  bool
	idle    time.Duration
	idleArg any // idle in milliseconds, boxed once for every EVALSHA
	timeout time.Duration
	prefix  string
}

// Option changes a setting of New.
type Option func(*Store)

// WithPrefix sets the prefix of every key (DefaultPrefix by default). It
// must be 1 to 32 characters of A-Z, a-z, 0-9, '-', '_' and '.'; New
// panics otherwise, because a brace in it would break the hash tag.
// Config.Validate checks a configured prefix the same way, with an error.
func WithPrefix(p string) Option { return func(s *Store) { s.prefix = p } }

// WithTimeout sets the bound on one call (DefaultTimeout by default); the
// caller's context may set a shorter one.
func WithTimeout(d time.Duration) Option { return func(s *Store) { s.timeout = d } }

// WithoutAutoPipeline sends every command on its own pooled connection
// instead of batching concurrent ones, which the load command uses to
// show what the batching is worth.
func WithoutAutoPipeline() Option { return func(s *Store) { s.noPipe = true } }

// New returns a store on client whose sessions expire after idle without a
// Save (store.DefaultIdle when idle <= 0). The caller owns client and closes
// it, which also stops the store's autopipeliner. For fast failure when
// Redis is down, make client with NewClient.
func New(client redis.UniversalClient, idle time.Duration, opts ...Option) *Store {
	if idle <= 0 {
		idle = store.DefaultIdle
	}
	// PX takes whole milliseconds, and PX 0 is an error.
	idle = max(idle, time.Millisecond)
	s := &Store{
		client:  client,
		idle:    idle,
		idleArg: strconv.FormatInt(idle.Milliseconds(), 10),
		timeout: DefaultTimeout,
		prefix:  DefaultPrefix,
	}
	for _, o := range opts {
		o(s)
	}
	if err := checkPrefix(s.prefix); err != nil {
		panic("redisstore.New: " + err.Error())
	}
	if !s.noPipe {
		// The deferred face, because it lets each caller stop waiting when
		// its context ends (Submit, then WaitContext); the blocking one
		// would hold a caller until the connection's own time-out. Each
		// caller waits for its own command before it sends the next, so
		// the order between callers does not matter (Unordered), and a few
		// batches on the wire at once measured a little better under the
		// load command than one, which makes every command wait for the
		// batch ahead of it. A client that cannot pipeline this way (one
		// that is closed already) sends commands on their own.
		ap, err := client.AsyncAutoPipelineWithOptions(&redis.AutoPipelineOptions{
			MaxBatchSize:         300,
			MaxConcurrentBatches: 4,
			Unordered:            true,
			MaxQueuedCommands:    maxQueued,
		})
		if err == nil {
			s.pipe = ap
		}
	}
	return s
}

// Pipelined reports whether commands of concurrent calls are batched.
func (s *Store) Pipelined() bool { return s.pipe != nil }

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

// probeTTL is how long the key Writable sets lives: long enough for the
// write to be seen by anyone who looks, short enough that it is gone
// between two readiness checks of an instance that stops.
const probeTTL = "5000" // milliseconds, for PX

// Writable reports whether Redis takes a write, the way a Save needs it
// to, through the same batching: it sets the key P:probe to "1" for a
// few seconds (P is the prefix). The key lies outside the key layout of
// sessions (P:{K}:s) and holds nothing about anyone; every instance
// sets the same one.
//
// Ping is not enough for readiness: a Redis that is full (maxmemory
// with the noeviction policy) or read-only (a replica) still answers
// PING, while every Save fails and every person gets the safety card.
// The error says which of these it is, when Redis says so; a wrong
// password or a user without the right to write is named too.
//
// With Redis Cluster the key lives on one node, so a refusal from
// another node shows only when a Save reaches it.
func (s *Store) Writable(ctx context.Context) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	set := redis.NewStatusCmd(ctx, "set", s.prefix+":probe", "1", "px", probeTTL)
	err := s.do(ctx, set)
	if err == nil && set.Val() != "OK" {
		err = fmt.Errorf("SET answered %q, want OK", set.Val())
	}
	if err != nil {
		if why := refusal(err); why != "" {
			err = fmt.Errorf("%s: %w", why, err)
		}
		return s.fail("write probe", err)
	}
	return nil
}

// refusal says in words why Redis refuses a write, for an operator
// reading /readyz, or "" when err is none of the refusals it knows.
func refusal(err error) string {
	switch {
	case redis.IsOOMError(err):
		return "redis is full: used memory is over maxmemory and the policy evicts nothing"
	case redis.IsReadOnlyError(err):
		return "redis is read-only: a replica, not the master"
	case redis.IsAuthError(err):
		return "redis refuses the user or password"
	case redis.IsPermissionError(err):
		return "the redis user may not write the bot's keys"
	}
	return ""
}

// Load returns the record for key with one GET (see store.Record for the
// contract). On ErrUnreadable it also returns the stored Version; see
// ErrUnreadable.
func (s *Store) Load(ctx context.Context, key store.Key) (store.Record, error) {
	if err := checkKey(key); err != nil {
		return store.Record{}, fmt.Errorf("redisstore: load: %w", err)
	}
	ctx, cancel := s.bound(ctx)
	defer cancel()
	get := redis.NewStringCmd(ctx, "get", s.sessionKey(key))
	if err := s.do(ctx, get); errors.Is(err, redis.Nil) {
		return store.Record{}, nil
	} else if err != nil {
		return store.Record{}, s.fail("load", err)
	}
	raw := get.Val()
	r, err := decode(raw)
	if err != nil {
		return store.Record{Version: storedVersion(raw)}, fmt.Errorf("redisstore: load: %w", err)
	}
	return r, nil
}

// casSource stores ARGV[2] with PX ARGV[3] if the version in the stored
// value (bytes 1..8, counting from 0) equals ARGV[1], where an empty
// ARGV[1] stands for "no session". A value too short for a header counts
// as no session, so that garbage can be overwritten by a new session.
// GETRANGE reads the eight bytes of the version and no more of the value.
const casSource = `
local v = redis.call('GETRANGE', KEYS[1], 1, 8)
if #v < 8 then
  v = ''
end
if v ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
`

// casScript is casSource with its hash, for EVALSHA.
var casScript = redis.NewScript(casSource)

// casSHA and casSrc are the first arguments of EVALSHA and EVAL, boxed once.
var (
	casSHA any = casScript.Hash()
	casSrc any = casSource
)

// Save stores r under compare-and-set with one EVALSHA (see store.Record
// for the contract).
func (s *Store) Save(ctx context.Context, key store.Key, r store.Record) (store.Record, error) {
	if err := checkKey(key); err != nil {
		return r, fmt.Errorf("redisstore: save: %w", err)
	}
	ctx, cancel := s.bound(ctx)
	defer cancel()

	next := r
	next.Version++
	sk := s.sessionKey(key)
	value := encode(next)
	header := versionHeader(r.Version)
	cas := func(name string, script any) *redis.Cmd {
		cmd := redis.NewCmd(ctx, name, script, 1, sk, header, value, s.idleArg)
		cmd.SetFirstKeyPos(3) // so that a cluster client routes it by the key
		return cmd
	}
	cmd := cas("evalsha", casSHA)
	err := s.do(ctx, cmd)
	if redis.HasErrorPrefix(err, "NOSCRIPT") {
		// Redis lost its scripts (a restart, a failover): EVAL sends the
		// source, which also caches it again for the next EVALSHA.
		cmd = cas("eval", casSrc)
		err = s.do(ctx, cmd)
	}
	if err != nil {
		return r, s.fail("save", err)
	}
	if ok, err := cmd.Int64(); err != nil || ok != 1 {
		if err != nil {
			return r, s.fail("save", err)
		}
		return r, store.ErrConflict
	}
	return next, nil
}

// Delete removes the chat's keys in one DEL: the session, and the set of
// update ids an older build may have left.
func (s *Store) Delete(ctx context.Context, key store.Key) error {
	if err := checkKey(key); err != nil {
		return fmt.Errorf("redisstore: delete: %w", err)
	}
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if err := s.client.Del(ctx, s.sessionKey(key), s.legacySeenKey(key)).Err(); err != nil {
		return s.fail("delete", err)
	}
	return nil
}

// do runs cmd, batched with concurrent ones when the store pipelines, and
// returns its error. It waits at most until ctx ends: the command may then
// still run, and its result is never read.
func (s *Store) do(ctx context.Context, cmd redis.Cmder) error {
	if err := ctx.Err(); err != nil {
		// Ended before it began: nothing goes to Redis. Submitted
		// anyway, the command could finish before WaitContext sees the
		// context, which then says nothing of it (TestContextCanceled).
		return err
	}
	if s.pipe == nil {
		_ = s.client.Process(ctx, cmd)
		return cmd.Err()
	}
	return s.pipe.Submit(ctx, cmd).WaitContext(ctx)
}

func (s *Store) sessionKey(k store.Key) string { return s.prefix + ":{" + string(k) + "}:s" }

// legacySeenKey is the set of update ids of builds before format 2.
func (s *Store) legacySeenKey(k store.Key) string { return s.prefix + ":{" + string(k) + "}:u" }

func (s *Store) bound(ctx context.Context) (context.Context, context.CancelFunc) {
	if s.timeout <= 0 {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, s.timeout)
}

// fail wraps err from Redis. Anything but a plain error reply from the
// server (a dial or read error, a time-out, a closed pool, a full queue of
// the autopipeliner, or a reply that says the server cannot serve right
// now, such as LOADING or READONLY during a failover) means Redis is
// unavailable and wraps store.ErrUnavailable too, so that the caller can
// answer "try again in a moment".
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
