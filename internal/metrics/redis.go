package metrics

import (
	"context"
	"errors"
	"net"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisHook returns a go-redis hook that times every command and pipeline
// and counts those that fail, by command name. Add it to the session
// store's client.
func (m *Metrics) RedisHook() redis.Hook { return redisHook{m} }

type redisHook struct{ m *Metrics }

func (h redisHook) DialHook(next redis.DialHook) redis.DialHook {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := next(ctx, network, addr)
		if err != nil {
			h.m.storeErrors.WithLabelValues("dial").Inc()
		}
		return c, err
	}
}

func (h redisHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		start := time.Now()
		err := next(ctx, cmd)
		h.m.observe(cmd.Name(), time.Since(start), err)
		return err
	}
}

func (h redisHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		start := time.Now()
		err := next(ctx, cmds)
		if err == nil {
			// A pipeline that went through may still hold failed
			// commands; the first real failure counts for it.
			for _, c := range cmds {
				if failed(c.Err()) {
					err = c.Err()
					break
				}
			}
		}
		h.m.observe("pipeline", time.Since(start), err)
		return err
	}
}

func (m *Metrics) observe(cmd string, took time.Duration, err error) {
	label := command(cmd)
	m.storeTime.WithLabelValues(label).Observe(took.Seconds())
	if failed(err) {
		m.storeErrors.WithLabelValues(label).Inc()
	}
}

// failed tells a failure from the answers that only look like one: a
// missing key (redis.Nil), and NOSCRIPT, after which go-redis sends the
// script itself, as it must after every Redis restart.
func failed(err error) bool {
	return err != nil && !errors.Is(err, redis.Nil) && !redis.HasErrorPrefix(err, "NOSCRIPT")
}
