package store

import "testing"

func BenchmarkKey(b *testing.B) {
	k := NewKeyer([]byte("secret"))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = k.Key("telegram", int64(i))
	}
}
