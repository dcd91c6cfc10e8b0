//go:build !linux

package graph

// threadCPU is not measured outside Linux.
func threadCPU() int64 { return 0 }
