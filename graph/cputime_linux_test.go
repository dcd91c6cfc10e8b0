package graph

import "golang.org/x/sys/unix"

// threadCPU returns the CPU time the calling OS thread has used, to measure
// what an op costs apart from the time the (shared) machine kept it waiting.
func threadCPU() int64 {
	var ts unix.Timespec
	if unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts) != nil {
		return 0
	}
	return ts.Nano()
}
