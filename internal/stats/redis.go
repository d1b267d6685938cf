package stats

import (
	"context"
	"fmt"
	"strconv"

	"github.com/redis/go-redis/v9"
)

// Redis keeps totals in Redis, shared by every instance of the bot: one
// hash a day, P:stats:2006-01-02, with a field per name, which expires
// Retention after the day's last addition. The key holds a date and the
// fields hold names from the content, so nothing in it concerns a person.
type Redis struct {
	Client redis.UniversalClient
	// Prefix starts every key: the sessions' prefix, so that one
	// deployment's keys stay together.
	Prefix string
}

var _ Store = (*Redis)(nil)

func (s *Redis) key(date string) string { return s.Prefix + ":stats:" + date }

// Add adds counts in one pipeline of HINCRBY and EXPIRE.
func (s *Redis) Add(ctx context.Context, counts map[string]map[string]int64) error {
	_, err := s.Client.Pipelined(ctx, func(p redis.Pipeliner) error {
		for date, names := range counts {
			k := s.key(date)
			for name, n := range names {
				p.HIncrBy(ctx, k, name, n)
			}
			p.Expire(ctx, k, Retention)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("stats: save daily totals: %w", err)
	}
	return nil
}

// Days reads the hashes of dates in one pipeline.
func (s *Redis) Days(ctx context.Context, dates []string) ([]Day, error) {
	cmds := make([]*redis.MapStringStringCmd, len(dates))
	_, err := s.Client.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, d := range dates {
			cmds[i] = p.HGetAll(ctx, s.key(d))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("stats: read daily totals: %w", err)
	}
	out := make([]Day, len(dates))
	for i, d := range dates {
		out[i] = Day{Date: d, Counts: map[string]int64{}}
		for name, v := range cmds[i].Val() {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("stats: %s field %q is not a number", s.key(d), name)
			}
			out[i].Counts[name] = n
		}
	}
	return out, nil
}
