package text

import "testing"

func TestHasPrefixFold(t *testing.T) {
	tests := []struct {
		s, w string
		want bool
	}{
		{"Chaired by Wang", "chaired by", true},
		{"CHAIR THE", "chair the", true},
		{"chai", "chair", false},
		{"preſided", "presided", false}, // non-ASCII never folds
		{"", "", true},
		{"主持会议", "主持", true},
	}
	for _, tt := range tests {
		if got := HasPrefixFold(tt.s, tt.w); got != tt.want {
			t.Errorf("HasPrefixFold(%q, %q) = %v, want %v", tt.s, tt.w, got, tt.want)
		}
	}
}
