import Link from "next/link";

/**
 * Which configured cluster a controller-manager view shows, with links to the others
 * (`href` builds a cluster's link; nothing but the name with a single cluster).
 */
export function ClusterPicker({
  cluster,
  clusters,
  href,
}: {
  cluster: string;
  clusters: string[];
  href: (cluster: string) => string;
}) {
  const others = clusters.filter((c) => c !== cluster);
  return (
    <p className="text-sm text-slate-700" data-testid="cm-cluster" data-cluster={cluster}>
      Cluster <span className="font-medium">{cluster}</span>
      {others.length > 0 ? (
        <>
          {" "}
          · other clusters:{" "}
          {others.map((c, i) => (
            <span key={c}>
              {i > 0 ? ", " : null}
              <Link href={href(c)} className="text-sky-800 underline" data-testid="cm-cluster-link">
                {c}
              </Link>
            </span>
          ))}
        </>
      ) : null}
    </p>
  );
}
