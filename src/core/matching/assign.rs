//! Global one-to-one assignment: among the scored candidate pairs, choose the set in which no
//! record appears twice and whose total weight is largest (a maximum-weight bipartite matching),
//! instead of letting the first strong pair seen take a record away from a better one.
//!
//! The candidate graph falls apart into connected components, almost all of them a single pair.
//! Each component is solved exactly with the Hungarian algorithm (O(n³) on its dense matrix).
//! A component too large for that (more than [`HUNGARIAN_LIMIT`] records on its smaller side or
//! [`HUNGARIAN_CELLS`] cells, which only very generic data produce) is assigned greedily from
//! the heaviest pair down: a 1/2-approximation that is exact whenever every record's best pair
//! is mutual.

use rustc_hash::FxHashMap;

/// Largest smaller side of a component solved exactly.
pub const HUNGARIAN_LIMIT: usize = 400;
/// Largest matrix (left × right records) of a component solved exactly.
pub const HUNGARIAN_CELLS: usize = 200_000;

/// A scored candidate pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    /// Left (CRM) row.
    pub left: u32,
    /// Right (ERP) row.
    pub right: u32,
    /// Benefit of choosing the pair; must be positive.
    pub benefit: f64,
}

/// The indices (into `edges`) of a maximum-weight one-to-one selection.
pub fn assign(edges: &[Edge]) -> Vec<usize> {
    let mut chosen = Vec::new();
    for component in components(edges) {
        if component.len() == 1 {
            chosen.push(component[0]);
            continue;
        }
        let (lefts, rights) = sides(edges, &component);
        let (small, large) = (lefts.len().min(rights.len()), lefts.len().max(rights.len()));
        if small <= HUNGARIAN_LIMIT && small * large <= HUNGARIAN_CELLS {
            chosen.extend(hungarian(edges, &component, &lefts, &rights));
        } else {
            chosen.extend(greedy(edges, &component));
        }
    }
    chosen.sort_unstable();
    chosen
}

/// Connected components of the candidate graph, as lists of edge indices.
fn components(edges: &[Edge]) -> Vec<Vec<usize>> {
    let mut node_of: FxHashMap<(bool, u32), usize> = FxHashMap::default();
    let mut parent: Vec<usize> = Vec::new();
    let mut node = |key: (bool, u32), parent: &mut Vec<usize>| -> usize {
        *node_of.entry(key).or_insert_with(|| {
            parent.push(parent.len());
            parent.len() - 1
        })
    };
    let mut ends = Vec::with_capacity(edges.len());
    for edge in edges {
        let a = node((false, edge.left), &mut parent);
        let b = node((true, edge.right), &mut parent);
        let (root_a, root_b) = (find(&mut parent, a), find(&mut parent, b));
        if root_a != root_b {
            parent[root_a] = root_b;
        }
        ends.push(a);
    }
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (index, &a) in ends.iter().enumerate() {
        let root = find(&mut parent, a);
        groups.entry(root).or_default().push(index);
    }
    let mut list: Vec<Vec<usize>> = groups.into_values().collect();
    list.sort_unstable_by_key(|component| component[0]);
    list
}

fn find(parent: &mut [usize], mut node: usize) -> usize {
    while parent[node] != node {
        parent[node] = parent[parent[node]];
        node = parent[node];
    }
    node
}

fn sides(edges: &[Edge], component: &[usize]) -> (Vec<u32>, Vec<u32>) {
    let mut lefts: Vec<u32> = component.iter().map(|&e| edges[e].left).collect();
    let mut rights: Vec<u32> = component.iter().map(|&e| edges[e].right).collect();
    lefts.sort_unstable();
    lefts.dedup();
    rights.sort_unstable();
    rights.dedup();
    (lefts, rights)
}

/// Heaviest pair first, each record used once.
fn greedy(edges: &[Edge], component: &[usize]) -> Vec<usize> {
    let mut order = component.to_vec();
    order.sort_by(|&a, &b| edges[b].benefit.total_cmp(&edges[a].benefit));
    let mut used_left = rustc_hash::FxHashSet::default();
    let mut used_right = rustc_hash::FxHashSet::default();
    let mut chosen = Vec::new();
    for index in order {
        let edge = edges[index];
        if !used_left.contains(&edge.left) && !used_right.contains(&edge.right) {
            used_left.insert(edge.left);
            used_right.insert(edge.right);
            chosen.push(index);
        }
    }
    chosen
}

/// Exact maximum-weight matching of one component (missing pairs have benefit 0).
fn hungarian(edges: &[Edge], component: &[usize], lefts: &[u32], rights: &[u32]) -> Vec<usize> {
    let transpose = lefts.len() > rights.len();
    let (rows, columns) = if transpose {
        (rights, lefts)
    } else {
        (lefts, rights)
    };
    let (n, m) = (rows.len(), columns.len());
    let mut cost = vec![0.0f64; n * m];
    let mut edge_at = vec![usize::MAX; n * m];
    for &index in component {
        let edge = edges[index];
        let (row_key, column_key) = if transpose {
            (edge.right, edge.left)
        } else {
            (edge.left, edge.right)
        };
        let (Ok(i), Ok(j)) = (
            rows.binary_search(&row_key),
            columns.binary_search(&column_key),
        ) else {
            continue;
        };
        cost[i * m + j] = -edge.benefit;
        edge_at[i * m + j] = index;
    }
    let row_of_column = solve_min_cost(&cost, n, m);
    row_of_column
        .iter()
        .enumerate()
        .filter_map(|(j, &row)| row.map(|i| edge_at[i * m + j]))
        .filter(|&index| index != usize::MAX)
        .collect()
}

/// Minimum-cost assignment of `n` rows to distinct columns of an `n` × `m` matrix (`n <= m`),
/// with potentials (Kuhn-Munkres, O(n² m)). Returns the row assigned to each column.
fn solve_min_cost(cost: &[f64], n: usize, m: usize) -> Vec<Option<usize>> {
    let mut u = vec![0.0f64; n + 1];
    let mut v = vec![0.0f64; m + 1];
    let mut row_at = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        row_at[0] = i;
        let mut j0 = 0usize;
        let mut min_value = vec![f64::INFINITY; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = row_at[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0usize;
            for j in 1..=m {
                if used[j] {
                    continue;
                }
                let current = cost[(i0 - 1) * m + (j - 1)] - u[i0] - v[j];
                if current < min_value[j] {
                    min_value[j] = current;
                    way[j] = j0;
                }
                if min_value[j] < delta {
                    delta = min_value[j];
                    j1 = j;
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[row_at[j]] += delta;
                    v[j] -= delta;
                } else {
                    min_value[j] -= delta;
                }
            }
            j0 = j1;
            if row_at[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            row_at[j0] = row_at[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    (1..=m)
        .map(|j| (row_at[j] != 0).then(|| row_at[j] - 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(left: u32, right: u32, benefit: f64) -> Edge {
        Edge {
            left,
            right,
            benefit,
        }
    }

    #[test]
    fn global_assignment_beats_greedy() {
        // Greedy would take (0,0) = 10 and leave 1 unmatched; the optimum pairs both.
        let edges = [edge(0, 0, 10.0), edge(0, 1, 9.0), edge(1, 0, 8.0)];
        assert_eq!(assign(&edges), [1, 2]);
        assert_eq!(greedy(&edges, &[0, 1, 2]), [0]);
    }

    #[test]
    fn each_record_is_used_once() {
        let edges = [
            edge(0, 5, 3.0),
            edge(1, 5, 4.0),
            edge(2, 5, 1.0),
            edge(7, 8, 2.0),
            edge(2, 6, 0.5),
        ];
        let chosen = assign(&edges);
        assert_eq!(chosen, [1, 3, 4]);
    }

    #[test]
    fn wide_components_are_transposed() {
        let edges = [
            edge(0, 0, 1.0),
            edge(0, 1, 2.0),
            edge(0, 2, 3.0),
            edge(1, 2, 5.0),
        ];
        assert_eq!(assign(&edges), [1, 3]);
    }
}
