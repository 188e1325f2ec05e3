//! Work spread over the cores, with results in the order of the input:
//! a report over hundreds of indicators builds each indicator's section
//! independently, and the machine has more than one core. The order (and
//! so every output) does not depend on which thread did what.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Below this many items the work stays on this thread (a thread costs
/// tens of microseconds to start: worth it from two heavy items).
const PARALLEL_FROM: usize = 2;

/// `f` of each item of `items` (with its index), in the order of `items`,
/// computed on every core: each thread takes the next item as it finishes
/// one, so that uneven items (an indicator with thousands of rows, one
/// with none) share out evenly.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(usize, &T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads == 1 || items.len() < PARALLEL_FROM {
        return items.iter().enumerate().map(|(i, t)| f(i, t)).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(t) = items.get(i) else { break };
            done.push((i, f(i, t)));
        }
        done
    };
    let mut all: Vec<(usize, R)> = std::thread::scope(|s| {
        let others: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
        let mut all = work();
        for o in others {
            // A panic in a worker is a bug: it goes on as it would on this thread.
            all.extend(o.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        all
    });
    all.sort_unstable_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_in_the_order_of_the_items_whatever_each_costs() {
        let items: Vec<u64> = (0..200).collect();
        let out = super::map(&items, |i, &n| {
            // Uneven work: some items take far longer than others.
            let spin = if n % 7 == 0 { 20_000 } else { 10 };
            let s = (0..spin).fold(n, |a, k| a.wrapping_mul(31).wrapping_add(k));
            (i, n * 2, s)
        });
        assert_eq!(out.len(), 200);
        for (k, (i, twice, _)) in out.iter().enumerate() {
            assert_eq!((*i, *twice), (k, 2 * k as u64));
        }
        assert_eq!(super::map(&items[..3], |_, &n| n + 1), vec![1, 2, 3]);
        assert!(super::map(&[] as &[u8], |_, &n| n).is_empty());
    }
}
