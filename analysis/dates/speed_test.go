package dates

import "testing"

// TestLeadBytesOver compares the word-at-a-time count with a byte loop.
func TestLeadBytesOver(t *testing.T) {
	samples := []string{"", "a", "党的二十大", "2023年1月10日 abc \xff\x80\x80 ünïcödé", "\x80\x80\x80\x80\x80\x80\x80\x80\x80ab"}
	for _, s := range samples {
		for k := 0; k < 4; k++ {
			s += s + "x中"
		}
		for n := -1; n < len(s)+2; n++ {
			c := 0
			for i := 0; i < len(s); i++ {
				if s[i]&0xC0 != 0x80 {
					c++
				}
			}
			if got, want := leadBytesOver(s, n), c > n; got != want {
				t.Fatalf("leadBytesOver(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}
