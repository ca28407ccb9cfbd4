package input

// Blocks holds the elements of a list in blocks of 256, so that a long
// list is never copied as it grows: a reader's events, sources and
// offsets take their final size and no more.
type Blocks[T any] struct {
	all [][]T
	n   int
}

// Len returns the number of elements.
func (bs *Blocks[T]) Len() int { return bs.n }

// Next adds an element and returns it.
func (bs *Blocks[T]) Next() *T {
	if bs.n%256 == 0 {
		bs.all = append(bs.all, make([]T, 256))
	}
	bs.n++
	return bs.At(bs.n - 1)
}

// At returns element i.
func (bs *Blocks[T]) At(i int) *T { return &bs.all[i/256][i%256] }

// Ptrs returns pointers to the elements, in order; nil for none.
func (bs *Blocks[T]) Ptrs() []*T {
	if bs.n == 0 {
		return nil
	}
	ps := make([]*T, bs.n)
	for i := range ps {
		ps[i] = bs.At(i)
	}
	return ps
}
