//go:build !unix

package gen

import "time"

// CPUTime is the process's CPU time so far; 0 here, where it is not
// measured.
func CPUTime() time.Duration { return 0 }
