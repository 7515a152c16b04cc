import Link from "next/link";
import { notFound } from "next/navigation";

import { ClusterPicker } from "@/components/controller-manager/cluster-picker";
import { SpiffeIdDetail } from "@/components/controller-manager/spiffe-id-detail";
import { ApiError } from "@/lib/api/api-error";
import { requirePage } from "@/lib/auth/guard";
import { loadClusterSpiffeId } from "@/lib/controller-manager/load-controller-manager";
import { links } from "@/lib/links";
import { clusterQuerySchema, kubernetesNameSchema } from "@/lib/schemas/kubernetes";

export const metadata = { title: "ClusterSPIFFEID" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ClusterSpiffeIdPage({ params, searchParams }: Props) {
  await requirePage();
  const name = kubernetesNameSchema.safeParse((await params).name);
  const query = clusterQuerySchema.safeParse(await searchParams);
  if (!name.success || !query.success) notFound();
  const loaded = await loadClusterSpiffeId(name.data, query.data).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={links.controllerManager(loaded.cluster)} className="text-sky-800 hover:underline">
          spire-controller-manager
        </Link>
      </p>
      <h1 className="text-xl font-semibold">ClusterSPIFFEID {loaded.object.name}</h1>
      <ClusterPicker cluster={loaded.cluster} clusters={loaded.clusters} href={links.controllerManager} />
      <SpiffeIdDetail server={loaded.server} object={loaded.object} evaluation={loaded.evaluation} />
    </div>
  );
}
